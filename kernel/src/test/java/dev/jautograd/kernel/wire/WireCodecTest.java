package dev.jautograd.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private static WireCodec codec(String key) throws Exception {
        return new WireCodec(new KernelConnectionProperties("127.0.0.1", 1, 2, 3, 4, 5, "tcp", "hmac-sha256", key));
    }

    private static JsonObject content() {
        var content = new JsonObject();
        content.addProperty("code", "1 + 1");
        return content;
    }

    @Test
    void roundTripKeepsIdentitiesTypeAndContent() throws Exception {
        var codec = codec("secret");
        byte[] identity = "client-7".getBytes(StandardCharsets.UTF_8);
        var frames = codec.encode("execute_request", null, content(), List.of(identity));
        var message = codec.decode(frames);
        assertEquals("execute_request", message.type());
        assertArrayEquals(identity, message.identities().get(0));
        assertEquals("1 + 1", message.content().get("code").getAsString());
        assertEquals(WireCodec.PROTOCOL_VERSION, message.header().get("version").getAsString());
    }

    @Test
    void headerDateIsIso8601WithMicrosecondsAsJupyterClientParsesIt() throws Exception {
        var codec = codec("secret");
        var message = codec.decode(codec.encode("status", null, new JsonObject(), List.of()));
        String date = message.header().get("date").getAsString();
        // jupyter_client.jsonutil.ISO8601_PAT: up to 6 fraction digits, or the date stays a string
        assertTrue(date.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z"), date);
    }

    @Test
    void replyCarriesTheRequestAsParent() throws Exception {
        var codec = codec("secret");
        var request = codec.decode(codec.encode("kernel_info_request", null, new JsonObject(), List.of()));
        var reply = codec.decode(codec.encode("kernel_info_reply", request, new JsonObject(), List.of()));
        assertEquals(request.id(), reply.parentHeader().get("msg_id").getAsString());
    }

    @Test
    void theSameSignedMessageSentAgainIsRejected() throws Exception {
        var codec = codec("secret");
        var frames = codec.encode("execute_request", null, content(), List.of());
        codec.decode(frames);
        assertThrows(InvalidSignatureException.class, () -> codec.decode(frames));
    }

    @Test
    void wrongKeyIsRejected() throws Exception {
        var frames = codec("other-key").encode("execute_request", null, content(), List.of());
        assertThrows(InvalidSignatureException.class, () -> codec("secret").decode(frames));
    }

    @Test
    void tamperedContentIsRejected() throws Exception {
        var codec = codec("secret");
        var frames = new ArrayList<>(codec.encode("execute_request", null, content(), List.of()));
        frames.set(frames.size() - 1, "{\"code\": \"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidSignatureException.class, () -> codec.decode(frames));
    }

    @Test
    void unsignedConnectionAcceptsEmptySignature() throws Exception {
        var codec = codec("");
        var message = codec.decode(codec.encode("status", null, new JsonObject(), List.of()));
        assertEquals("status", message.type());
    }

    @Test
    void framesWithoutDelimiterAreRejected() throws Exception {
        assertThrows(InvalidSignatureException.class, () -> codec("k").decode(List.of(new byte[] {1})));
    }

    /** Signed with the right key but not routable: found by the protocol fuzz, it used to end a channel thread. */
    @Test
    void signedHeaderWithoutStringTypeOrIdIsRejected() throws Exception {
        var codec = codec("secret");
        for (String header : List.of("{}", "{\"msg_type\": 7, \"msg_id\": \"x\"}", "{\"msg_type\": \"a_request\"}",
                "[1, 2]", "{\"msg_type\": null, \"msg_id\": null}")) {
            var frames = new ArrayList<>(codec.encode("execute_request", null, content(), List.of()));
            int headerIndex = 2;
            frames.set(headerIndex, header.getBytes(StandardCharsets.UTF_8));
            var parts = frames.subList(2, 6).toArray(new byte[0][]);
            var hmac = new KernelConnectionProperties("127.0.0.1", 1, 2, 3, 4, 5, "tcp", "hmac-sha256", "secret")
                    .createHMACGenerator();
            frames.set(1, hmac.calculateSignature(parts).getBytes(StandardCharsets.US_ASCII));
            assertThrows(InvalidSignatureException.class, () -> codec.decode(frames), header);
        }
    }
}
