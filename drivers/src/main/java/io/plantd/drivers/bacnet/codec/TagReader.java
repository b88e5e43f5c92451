package io.plantd.drivers.bacnet.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads clause-20 tags and values from a byte range, failing with {@link BacnetCodecException}. */
public final class TagReader {
    private final byte[] data;
    private final int end;
    private int pos;

    public TagReader(byte[] data) {
        this(data, 0, data.length);
    }

    public TagReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new BacnetCodecException("range " + offset + "+" + length + " outside " + data.length + " octets");
        }
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    public boolean hasMore() {
        return pos < end;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public int octet() {
        need(1);
        return data[pos++] & 0xFF;
    }

    public int u16() {
        return (octet() << 8) | octet();
    }

    public byte[] octets(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    public byte[] rest() {
        return octets(end - pos);
    }

    /** The next tag without consuming it. */
    public Tag peekTag() {
        int saved = pos;
        try {
            return readTag();
        } finally {
            pos = saved;
        }
    }

    public Tag readTag() {
        int first = octet();
        int number = first >>> 4;
        boolean context = (first & 0x08) != 0;
        int lvt = first & 0x07;
        if (number == 0xF) {
            number = octet();
            if (number == 0xFF) {
                throw new BacnetCodecException("reserved extended tag number 255");
            }
        }
        if (context && lvt == 6) {
            return new Tag(number, true, 0, Tag.Kind.OPENING);
        }
        if (context && lvt == 7) {
            return new Tag(number, true, 0, Tag.Kind.CLOSING);
        }
        if (!context && (lvt == 6 || lvt == 7)) {
            throw new BacnetCodecException("application tag " + number + " with opening/closing marker");
        }
        long length = lvt;
        if (lvt == 5) {
            int ext = octet();
            if (ext == 254) {
                length = u16();
            } else if (ext == 255) {
                length = ((long) u16() << 16) | u16();
            } else {
                length = ext;
            }
        }
        Tag tag = new Tag(number, context, length, Tag.Kind.PRIMITIVE);
        boolean appBoolean = !context && number == ApplicationTag.BOOLEAN;
        if (!appBoolean && length > remaining()) {
            throw new BacnetCodecException("tag " + number + " declares " + length + " octets, only "
                    + remaining() + " remain");
        }
        return tag;
    }

    /** Reads one application-tagged value. */
    public BacnetValue readValue() {
        Tag tag = readTag();
        if (tag.context() || tag.kind() != Tag.Kind.PRIMITIVE) {
            throw new BacnetCodecException("expected an application-tagged value, found " + describe(tag));
        }
        int len = (int) tag.lengthValueType();
        return switch (tag.number()) {
            case ApplicationTag.NULL -> {
                expectLength(tag, len, 0);
                yield BacnetValue.Null.INSTANCE;
            }
            case ApplicationTag.BOOLEAN -> {
                if (len > 1) {
                    throw new BacnetCodecException("application BOOLEAN with value " + len);
                }
                yield new BacnetValue.BooleanValue(len == 1);
            }
            case ApplicationTag.UNSIGNED -> new BacnetValue.UnsignedValue(unsignedContent(len));
            case ApplicationTag.SIGNED -> new BacnetValue.SignedValue(signedContent(len));
            case ApplicationTag.REAL -> {
                expectLength(tag, len, 4);
                yield new BacnetValue.RealValue(Float.intBitsToFloat((int) rawContent(4)));
            }
            case ApplicationTag.DOUBLE -> {
                expectLength(tag, len, 8);
                yield new BacnetValue.DoubleValue(Double.longBitsToDouble(rawContent(8)));
            }
            case ApplicationTag.ENUMERATED -> new BacnetValue.EnumeratedValue(unsignedContent(len));
            case ApplicationTag.CHARACTER_STRING -> new BacnetValue.CharacterStringValue(characterString(len));
            case ApplicationTag.BIT_STRING -> new BacnetValue.BitStringValue(bitString(len));
            case ApplicationTag.OBJECT_IDENTIFIER -> {
                expectLength(tag, len, 4);
                yield new BacnetValue.ObjectIdentifierValue(ObjectIdentifier.fromWire(rawContent(4)));
            }
            case ApplicationTag.OCTET_STRING, ApplicationTag.DATE, ApplicationTag.TIME ->
                    new BacnetValue.Opaque(tag.number(), octets(len));
            default -> throw new BacnetCodecException("reserved application tag " + tag.number());
        };
    }

    // ---- context-tagged primitives ----

    public long readContextUnsigned(int contextNumber) {
        Tag tag = expectContext(contextNumber);
        return unsignedContent((int) tag.lengthValueType());
    }

    public long readContextEnumerated(int contextNumber) {
        return readContextUnsigned(contextNumber);
    }

    public long readContextSigned(int contextNumber) {
        Tag tag = expectContext(contextNumber);
        return signedContent((int) tag.lengthValueType());
    }

    public boolean readContextBoolean(int contextNumber) {
        Tag tag = expectContext(contextNumber);
        expectLength(tag, (int) tag.lengthValueType(), 1);
        return octet() != 0;
    }

    public ObjectIdentifier readContextObjectId(int contextNumber) {
        Tag tag = expectContext(contextNumber);
        expectLength(tag, (int) tag.lengthValueType(), 4);
        return ObjectIdentifier.fromWire(rawContent(4));
    }

    /** True (and consumed) when the next tag is context {@code contextNumber}'s primitive. */
    public boolean nextIsContext(int contextNumber) {
        return hasMore() && peekTag().isContext(contextNumber);
    }

    public boolean nextIsOpening(int contextNumber) {
        return hasMore() && peekTag().isOpening(contextNumber);
    }

    public boolean nextIsClosing(int contextNumber) {
        return hasMore() && peekTag().isClosing(contextNumber);
    }

    public void expectOpening(int contextNumber) {
        Tag tag = readTag();
        if (!tag.isOpening(contextNumber)) {
            throw new BacnetCodecException("expected opening tag " + contextNumber + ", found " + describe(tag));
        }
    }

    public void expectClosing(int contextNumber) {
        Tag tag = readTag();
        if (!tag.isClosing(contextNumber)) {
            throw new BacnetCodecException("expected closing tag " + contextNumber + ", found " + describe(tag));
        }
    }

    /** Application-tagged values up to (not including) closing tag {@code contextNumber}. */
    public java.util.List<BacnetValue> readValuesUntilClosing(int contextNumber) {
        java.util.List<BacnetValue> values = new java.util.ArrayList<>();
        while (!nextIsClosing(contextNumber)) {
            if (!hasMore()) {
                throw new BacnetCodecException("missing closing tag " + contextNumber);
            }
            Tag next = peekTag();
            if (next.context()) {
                // Constructed values (e.g. a priority array element that is itself constructed)
                // are outside plantd's scope: skip them whole so the rest still decodes.
                skipContextElement();
                values.add(new BacnetValue.Opaque(-1, new byte[0]));
            } else {
                values.add(readValue());
            }
        }
        expectClosing(contextNumber);
        return values;
    }

    private void skipContextElement() {
        Tag tag = readTag();
        if (tag.kind() == Tag.Kind.OPENING) {
            int depth = 1;
            while (depth > 0) {
                Tag t = readTag();
                if (t.kind() == Tag.Kind.OPENING) {
                    depth++;
                } else if (t.kind() == Tag.Kind.CLOSING) {
                    depth--;
                } else if (!(t.number() == ApplicationTag.BOOLEAN && !t.context())) {
                    octets((int) t.lengthValueType());
                }
            }
        } else if (tag.kind() == Tag.Kind.PRIMITIVE) {
            octets((int) tag.lengthValueType());
        } else {
            throw new BacnetCodecException("unexpected " + describe(tag));
        }
    }

    private Tag expectContext(int contextNumber) {
        Tag tag = readTag();
        if (!tag.isContext(contextNumber)) {
            throw new BacnetCodecException("expected context tag " + contextNumber + ", found " + describe(tag));
        }
        return tag;
    }

    private long unsignedContent(int len) {
        if (len < 1 || len > 4) {
            throw new BacnetCodecException("unsigned of " + len + " octets (plantd accepts 1..4)");
        }
        return rawContent(len);
    }

    private long signedContent(int len) {
        if (len < 1 || len > 4) {
            throw new BacnetCodecException("signed of " + len + " octets (plantd accepts 1..4)");
        }
        long v = rawContent(len);
        int shift = 64 - 8 * len;
        return (v << shift) >> shift;
    }

    private long rawContent(int len) {
        need(len);
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (data[pos++] & 0xFF);
        }
        return v;
    }

    private String characterString(int len) {
        if (len < 1) {
            throw new BacnetCodecException("character string without a character set octet");
        }
        int charset = octet();
        byte[] bytes = octets(len - 1);
        Charset cs = switch (charset) {
            case 0 -> StandardCharsets.UTF_8;
            case 4 -> StandardCharsets.UTF_16BE; // UCS-2
            case 5 -> StandardCharsets.ISO_8859_1;
            default -> throw new BacnetCodecException("unsupported character set " + charset);
        };
        return new String(bytes, cs);
    }

    private boolean[] bitString(int len) {
        if (len < 1) {
            throw new BacnetCodecException("bit string without an unused-bits octet");
        }
        int unused = octet();
        if (unused > 7 || (len == 1 && unused != 0)) {
            throw new BacnetCodecException("bit string with " + unused + " unused bits");
        }
        byte[] bytes = octets(len - 1);
        boolean[] bits = new boolean[bytes.length * 8 - unused];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (bytes[i / 8] & (0x80 >>> (i % 8))) != 0;
        }
        return bits;
    }

    private static void expectLength(Tag tag, int len, int expected) {
        if (len != expected) {
            throw new BacnetCodecException("tag " + tag.number() + " with " + len + " octets, expected " + expected);
        }
    }

    private void need(int n) {
        if (n < 0 || pos + n > end) {
            throw new BacnetCodecException("truncated: need " + n + " octets at " + pos + ", frame ends at " + end);
        }
    }

    private static String describe(Tag tag) {
        return (tag.context() ? "context" : "application") + " tag " + tag.number() + " " + tag.kind().name().toLowerCase();
    }
}
