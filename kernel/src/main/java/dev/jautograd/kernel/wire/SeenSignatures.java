package dev.jautograd.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of recently accepted messages, so a signed message sent again (the same frames,
 * replayed by anyone who saw them) is dropped rather than run again, as jupyter_client's
 * {@code Session} does with its digest history. Bounded: the oldest are forgotten first.
 */
final class SeenSignatures {
    /** jupyter_client's {@code digest_history_size}. */
    private static final int LIMIT = 1 << 16;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > LIMIT;
        }
    };

    /** True the first time {@code signature} is offered; an empty one (no key) is never remembered. */
    synchronized boolean firstTime(byte[] signature) {
        if (signature.length == 0) {
            return true;
        }
        return seen.putIfAbsent(new String(signature, StandardCharsets.US_ASCII), Boolean.TRUE) == null;
    }
}
