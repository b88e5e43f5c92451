package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.config.MqttConfig;
import io.plantd.drivers.yaml.Secret;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes on loopback with mutual authentication: keys and certificates made by the
 * JDK's keytool, the server a plain JDK SSLServerSocket that requires a client certificate.
 */
class TlsSocketFactoriesTest {
    private static final String PASS = "changeit";
    @TempDir
    static Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keytool("server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        keytool("bms", "CN=bms", null);
        // PEM files as an operator would have them
        KeyStore server = load("server");
        KeyStore client = load("bms");
        pem(dir.resolve("ca.pem"), "CERTIFICATE", server.getCertificate("server").getEncoded());
        pem(dir.resolve("bms.crt"), "CERTIFICATE", client.getCertificate("bms").getEncoded());
        Key key = client.getKey("bms", PASS.toCharArray());
        assertThat(key.getFormat()).isEqualTo("PKCS#8");
        pem(dir.resolve("bms.key"), "PRIVATE KEY", key.getEncoded());
        pem(dir.resolve("bms-pkcs1.key"), "EC PRIVATE KEY", key.getEncoded());
    }

    @Test
    void pemCaAndPemClientCertificateCompleteAMutualHandshake() throws Exception {
        MqttConfig.Tls tls = new MqttConfig.Tls(dir.resolve("ca.pem").toString(),
                Optional.of(dir.resolve("bms.crt").toString()), Optional.of(dir.resolve("bms.key").toString()),
                Optional.empty());
        assertThat(handshake(TlsSocketFactories.create(tls))).isEqualTo("CN=bms");
    }

    @Test
    void pkcs12ClientIdentityCompletesAMutualHandshake() throws Exception {
        MqttConfig.Tls tls = new MqttConfig.Tls(dir.resolve("ca.pem").toString(),
                Optional.of(dir.resolve("bms.p12").toString()), Optional.empty(),
                Optional.of(new Secret(PASS, "${TEST}")));
        assertThat(handshake(TlsSocketFactories.create(tls))).isEqualTo("CN=bms");
    }

    @Test
    void aServerNotSignedByTheCaIsRejected() throws Exception {
        MqttConfig.Tls tls = new MqttConfig.Tls(dir.resolve("bms.crt").toString(),
                Optional.of(dir.resolve("bms.crt").toString()), Optional.of(dir.resolve("bms.key").toString()),
                Optional.empty());
        assertThatThrownBy(() -> handshake(TlsSocketFactories.create(tls)))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .hasMessageContaining("unable to find valid certification path");
    }

    @Test
    void unsupportedKeyFormatsAndMissingPiecesAreNamed() {
        MqttConfig.Tls pkcs1 = new MqttConfig.Tls(dir.resolve("ca.pem").toString(),
                Optional.of(dir.resolve("bms.crt").toString()), Optional.of(dir.resolve("bms-pkcs1.key").toString()),
                Optional.empty());
        assertThatThrownBy(() -> TlsSocketFactories.create(pkcs1)).hasMessageContaining("openssl pkcs8 -topk8");
        MqttConfig.Tls noKey = new MqttConfig.Tls(dir.resolve("ca.pem").toString(),
                Optional.of(dir.resolve("bms.crt").toString()), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> TlsSocketFactories.create(noKey)).hasMessageContaining("tls.keyFile is required");
        MqttConfig.Tls noCa = new MqttConfig.Tls(dir.resolve("bms.key").toString(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> TlsSocketFactories.create(noCa)).hasMessageContaining("no CERTIFICATE");
    }

    /** Runs one handshake against a server that requires a client certificate; returns the client's subject. */
    private static String handshake(SSLSocketFactory clientFactory) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load("server"), PASS.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("bms", load("bms").getCertificate("bms"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setNeedClientAuth(true);
            CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                    Certificate[] chain = s.getSession().getPeerCertificates();
                    InputStream in = s.getInputStream();
                    in.read();
                    return ((X509Certificate) chain[0]).getSubjectX500Principal().getName();
                } catch (Exception e) {
                    return "server failed: " + e;
                }
            });
            try (SSLSocket c = (SSLSocket) clientFactory.createSocket("127.0.0.1", ss.getLocalPort())) {
                c.startHandshake();
                OutputStream out = c.getOutputStream();
                out.write(1);
                out.flush();
            }
            return peer.get(10, TimeUnit.SECONDS);
        }
    }

    private static void keytool(String alias, String dname, String san) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        var cmd = new java.util.ArrayList<>(java.util.List.of(keytool.toString(), "-genkeypair", "-alias", alias,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "2",
                "-keystore", dir.resolve(alias + ".p12").toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-keypass", PASS));
        if (san != null) {
            cmd.add("-ext");
            cmd.add(san);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static KeyStore load(String alias) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(alias + ".p12"))) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    private static void pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
