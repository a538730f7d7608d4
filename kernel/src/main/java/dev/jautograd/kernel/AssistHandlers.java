package dev.jautograd.kernel;

import com.google.gson.JsonObject;
import dev.jautograd.kernel.session.CodeAssist;
import dev.jautograd.kernel.session.JShellSession;
import dev.jautograd.kernel.wire.KernelChannels;
import dev.jautograd.kernel.wire.KernelChannels.Channel;
import dev.jautograd.kernel.wire.WireMessage;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** {@code complete_request}, {@code inspect_request} and {@code is_complete_request}. */
final class AssistHandlers {
    private final KernelChannels channels;
    private final CompletableFuture<CodeAssist> assist;

    AssistHandlers(KernelChannels channels, CompletableFuture<JShellSession> session) {
        this.channels = channels;
        this.assist = session.thenApply(CodeAssist::new);
    }

    void complete(WireMessage request) {
        String code = Json.string(request.content(), "code", "");
        int cursor = Json.charIndex(code, Json.integer(request.content(), "cursor_pos", code.length()));
        var completion = assist.join().complete(code, cursor);
        var reply = Json.ok();
        reply.add("matches", Json.strings(completion.matches()));
        reply.addProperty("cursor_start", Json.codePointIndex(code, completion.start()));
        reply.addProperty("cursor_end", Json.codePointIndex(code, completion.end()));
        reply.add("metadata", new JsonObject());
        channels.reply(Channel.SHELL, request, "complete_reply", reply);
    }

    void inspect(WireMessage request) {
        String code = Json.string(request.content(), "code", "");
        int cursor = Json.charIndex(code, Json.integer(request.content(), "cursor_pos", code.length()));
        String text = assist.join().inspect(code, cursor);
        var data = new JsonObject();
        if (!text.isEmpty()) {
            data.addProperty("text/plain", text);
        }
        var reply = Json.ok();
        reply.addProperty("found", !text.isEmpty());
        reply.add("data", data);
        reply.add("metadata", new JsonObject());
        channels.reply(Channel.SHELL, request, "inspect_reply", reply);
    }

    void isComplete(WireMessage request) {
        String code = Json.string(request.content(), "code", "");
        var verdict = assist.join().isComplete(code);
        var reply = new JsonObject();
        reply.addProperty("status", verdict.name().toLowerCase(Locale.ROOT));
        if (verdict == CodeAssist.Verdict.INCOMPLETE) {
            reply.addProperty("indent", "    ");
        }
        channels.reply(Channel.SHELL, request, "is_complete_reply", reply);
    }
}
