package org.chainline.input;

import org.chainline.refusal.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one reader of JSON bodies: every refusal names the field, in one wording. */
class JsonBodyTest {

    record Outer(Middle a) {
    }

    record Middle(List<Inner> b) {
    }

    record Inner(String c) {
    }

    record Account(String username, List<String> roles, boolean active) {
    }

    @Test
    void theFieldOfATypeErrorIsFoundInNestedBodies() {
        InvalidInput deep = assertThrows(InvalidInput.class,
                () -> JsonBody.as("{\"a\": {\"b\": [{\"c\": \"x\"}, {\"c\": true}]}}", Outer.class, true));
        assertEquals("a.b[1].c", deep.field());
        assertEquals("a.b[1].c: expected text, got true or false", deep.getMessage());
        InvalidInput element = assertThrows(InvalidInput.class,
                () -> JsonBody.as("{\"a\": {\"b\": [1, {\"c\": \"x\"}]}}", Outer.class, true));
        assertEquals("a.b[0]", element.field());
        assertEquals("a.b[0]: expected an object, got a number", element.getMessage());
    }

    @Test
    void noValueIsTakenForAnotherKind() {
        assertEquals("username: expected text, got a number",
                assertThrows(InvalidInput.class, () -> JsonBody.as("{\"username\": 5}", Account.class, true)).getMessage());
        assertEquals("active: expected true or false, got text",
                assertThrows(InvalidInput.class, () -> JsonBody.as("{\"active\": \"yes\"}", Account.class, true)).getMessage());
        assertEquals("roles: expected a list, got a number",
                assertThrows(InvalidInput.class, () -> JsonBody.as("{\"roles\": 5}", Account.class, true)).getMessage());
        assertEquals("note: expected text, got a list",
                assertThrows(InvalidInput.class, () -> JsonBody.text(JsonBody.object("{\"note\": []}"), "note")).getMessage());
    }

    @Test
    void aBodyThatIsMissingNotAnObjectNotJsonOrHoldsANulIsRefusedAsTheBody() {
        assertEquals("body", assertThrows(InvalidInput.class, () -> JsonBody.as(" ", Account.class, true)).field());
        assertNull(JsonBody.as("", Account.class, false));
        assertEquals("body must be a JSON object", assertThrows(InvalidInput.class, () -> JsonBody.object("[1]")).getMessage());
        InvalidInput broken = assertThrows(InvalidInput.class, () -> JsonBody.object("{\"username\": \"a\","));
        assertEquals("body", broken.field());
        assertEquals(true, broken.getMessage().startsWith("Invalid JSON at line 1, column "), broken.getMessage());
        InvalidInput nul = assertThrows(InvalidInput.class, () -> JsonBody.object("{\"a\": {\"b\": \"x\\u0000y\"}}"));
        assertEquals("a.b", nul.field());
        assertEquals("a, unknown", JsonBody.as("{\"username\": \"a\", \"unknown\": 1}", Account.class, true).username() + ", unknown");
    }
}
