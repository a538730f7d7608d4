package dev.jautograd.kernel.wire;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One Jupyter message as it travels: routing identities, the four JSON parts, and binary buffers.
 * Kept as JSON rather than typed classes so a message of a type the kernel does not know still
 * has its name and can be answered.
 */
public record WireMessage(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
                          JsonObject metadata, JsonObject content, List<byte[]> buffers) {
    public WireMessage {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    public String type() {
        return header.get("msg_type").getAsString();
    }

    public String id() {
        return header.get("msg_id").getAsString();
    }
}
