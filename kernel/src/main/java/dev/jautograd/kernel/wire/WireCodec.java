package dev.jautograd.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The Jupyter wire format: {@code identities..., "<IDS|MSG>", hmac, header, parent_header,
 * metadata, content, buffers...}, signed with basekernel's {@link HMACGenerator}.
 */
public final class WireCodec {
    /** The protocol version this kernel speaks (5.3: control channel interrupts, is_complete). */
    public static final String PROTOCOL_VERSION = "5.3";

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final HMACGenerator hmac;
    private final String session = UUID.randomUUID().toString();
    private final SeenSignatures seen = new SeenSignatures();

    public WireCodec(KernelConnectionProperties connection) throws GeneralSecurityException {
        this.hmac = connection.createHMACGenerator();
    }

    /** Parses raw frames; throws if the signature is wrong, so the caller drops the message. */
    public WireMessage decode(List<byte[]> frames) throws InvalidSignatureException {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new InvalidSignatureException("malformed message: no <IDS|MSG> delimiter or missing parts");
        }
        byte[][] parts = frames.subList(delimiter + 2, delimiter + 6).toArray(new byte[0][]);
        byte[] expected = hmac.calculateSignature(parts).getBytes(StandardCharsets.US_ASCII);
        // Constant-time comparison: a timing leak would let a local attacker forge signatures.
        if (!MessageDigest.isEqual(expected, frames.get(delimiter + 1))) {
            throw new InvalidSignatureException("message signature does not match the connection key");
        }
        if (!seen.firstTime(expected)) {
            throw new InvalidSignatureException("duplicate signature: the same message was sent again");
        }
        var header = json(parts[0]);
        // Signed is not well-formed: a header without a string msg_type / msg_id cannot be routed or answered.
        if (!isString(header, "msg_type") || !isString(header, "msg_id")) {
            throw new InvalidSignatureException("malformed message: header lacks a string msg_type or msg_id");
        }
        return new WireMessage(frames.subList(0, delimiter), header, json(parts[1]), json(parts[2]),
                json(parts[3]), frames.subList(delimiter + 6, frames.size()));
    }

    /** Frames for a message of {@code type} answering (or caused by) {@code parent}, which may be null. */
    public List<byte[]> encode(String type, WireMessage parent, JsonObject content, List<byte[]> identities) {
        byte[][] parts = {
            bytes(header(type)),
            bytes(parent == null ? new JsonObject() : parent.header()),
            bytes(new JsonObject()),
            bytes(content),
        };
        var frames = new ArrayList<byte[]>(identities);
        frames.add(DELIMITER);
        frames.add(hmac.calculateSignature(parts).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(Arrays.asList(parts));
        return frames;
    }

    /**
     * ISO 8601 in UTC with microseconds, as ipykernel writes it: jupyter_client turns a header's
     * date into a datetime only with at most 6 fraction digits ({@code Instant.toString()} gives
     * 9 on Linux, which clients then saw as a plain string).
     */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private JsonObject header(String type) {
        var header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "kernel");
        header.addProperty("date", DATE.format(Instant.now()));
        header.addProperty("msg_type", type);
        header.addProperty("version", PROTOCOL_VERSION);
        return header;
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isString(JsonObject object, String key) {
        var value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static JsonObject json(byte[] raw) {
        var element = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
        return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
