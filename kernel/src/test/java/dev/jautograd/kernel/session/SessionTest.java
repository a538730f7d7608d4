package dev.jautograd.kernel.session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose tests share one JShell session, started before them and closed after. */
abstract class SessionTest {
    static JShellSession session;

    @BeforeAll
    static void startSession() {
        session = JShellSession.start();
    }

    @AfterAll
    static void closeSession() {
        session.close();
    }
}
