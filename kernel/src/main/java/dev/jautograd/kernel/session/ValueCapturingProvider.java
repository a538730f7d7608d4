package dev.jautograd.kernel.session;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link ValueCapturingExecutionControl} the session reads results from. */
final class ValueCapturingProvider implements ExecutionControlProvider {
    private final ValueCapturingExecutionControl control = new ValueCapturingExecutionControl(new SnippetClassLoading());

    @Override
    public String name() {
        return "jautograd-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }

    ValueCapturingExecutionControl control() {
        return control;
    }
}
