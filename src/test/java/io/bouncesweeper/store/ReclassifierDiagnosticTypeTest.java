package io.bouncesweeper.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A stored verdict decided by the Diagnostic-Code type keeps that evidence when reclassified. */
class ReclassifierDiagnosticTypeTest {
    @Test
    void theTypeComesBackFromTheRuleThatNamedIt() {
        assertEquals("x-unix", Reclassifier.diagnosticTypeOf("type:x-unix"));
    }

    @Test
    void otherRulesNameNoType() {
        assertNull(Reclassifier.diagnosticTypeOf("status:5.3.0"));
        assertNull(Reclassifier.diagnosticTypeOf(null));
    }
}
