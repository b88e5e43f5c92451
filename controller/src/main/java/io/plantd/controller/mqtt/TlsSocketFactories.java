package io.plantd.controller.mqtt;

import io.plantd.controller.config.MqttConfig;
import io.plantd.drivers.yaml.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory from PEM files or PKCS#12 with the JDK alone (no BouncyCastle in
 * production): a CA bundle to trust, and optionally a client certificate with its key. Keys must be
 * PKCS#8 ({@code BEGIN PRIVATE KEY} or {@code BEGIN ENCRYPTED PRIVATE KEY}); convert a PKCS#1
 * {@code BEGIN RSA PRIVATE KEY} with {@code openssl pkcs8 -topk8}.
 */
public final class TlsSocketFactories {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private TlsSocketFactories() {
    }

    public static SSLSocketFactory create(MqttConfig.Tls tls) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        List<Certificate> cas = certificates(Path.of(tls.caFile()));
        if (cas.isEmpty()) {
            throw new IOException(tls.caFile() + ": no CERTIFICATE block found");
        }
        for (int i = 0; i < cas.size(); i++) {
            trust.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);

        KeyManagerFactory kmf = null;
        if (tls.certFile().isPresent()) {
            char[] password = tls.keyPassword().map(Secret::reveal).map(String::toCharArray).orElse(new char[0]);
            KeyStore identity = identity(tls, password);
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, password);
        } else if (tls.keyFile().isPresent()) {
            throw new IOException("tls.keyFile is set without tls.certFile");
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyStore identity(MqttConfig.Tls tls, char[] password) throws IOException, GeneralSecurityException {
        String certFile = tls.certFile().orElseThrow();
        String lower = certFile.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".p12") || lower.endsWith(".pfx")) {
            if (tls.keyFile().isPresent()) {
                throw new IOException("tls.keyFile must be absent when tls.certFile is a PKCS#12 file");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(certFile))) {
                ks.load(in, password);
            }
            return ks;
        }
        String keyFile = tls.keyFile().orElseThrow(
                () -> new IOException("tls.keyFile is required with a PEM tls.certFile"));
        List<Certificate> chain = certificates(Path.of(certFile));
        if (chain.isEmpty()) {
            throw new IOException(certFile + ": no CERTIFICATE block found");
        }
        PrivateKey key = privateKey(Path.of(keyFile), password, chain.get(0).getPublicKey().getAlgorithm());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
        return ks;
    }

    static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<Certificate> out = new ArrayList<>();
        for (PemBlock b : blocks(file)) {
            if (b.type().equals("CERTIFICATE")) {
                out.add(cf.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        return out;
    }

    static PrivateKey privateKey(Path file, char[] password, String algorithm) throws IOException, GeneralSecurityException {
        for (PemBlock b : blocks(file)) {
            switch (b.type()) {
                case "PRIVATE KEY":
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(b.der()));
                case "ENCRYPTED PRIVATE KEY": {
                    EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(b.der());
                    SecretKeyFactory skf = SecretKeyFactory.getInstance(info.getAlgName());
                    Cipher cipher = Cipher.getInstance(info.getAlgName());
                    cipher.init(Cipher.DECRYPT_MODE, skf.generateSecret(new PBEKeySpec(password)),
                            info.getAlgParameters());
                    PKCS8EncodedKeySpec spec = info.getKeySpec(cipher);
                    return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                }
                case "RSA PRIVATE KEY":
                case "EC PRIVATE KEY":
                    throw new InvalidKeySpecException(file + ": " + b.type()
                            + " (PKCS#1/SEC1) is not supported; convert it with 'openssl pkcs8 -topk8'");
                default:
                    break;
            }
        }
        throw new IOException(file + ": no PRIVATE KEY block found");
    }

    private record PemBlock(String type, byte[] der) {
    }

    private static List<PemBlock> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<PemBlock> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            out.add(new PemBlock(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }
}
