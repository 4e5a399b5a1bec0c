package org.chainline.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.input.Json;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Telegram Desktop {@code result.json} as a stream, one message at a time, so that an export of any size
 * needs only one message in memory: a single chat ({@code {name, type, id, messages}}) or a full account export
 * ({@code chats.list[]}, {@code left_chats.list[]}). Everything else in an account export (the account holder's own
 * personal information, contacts, sessions) is skipped unread. Fields it does not know are left alone.
 */
final class TelegramJson {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private TelegramJson() {
    }

    /** A chat or channel, as the export names it. */
    record Chat(String name, String type, String id) {

        boolean isChannel() {
            return type.endsWith("channel");
        }

        boolean isPublic() {
            return type.startsWith("public_");
        }

        /**
         * Whether the chat's name and id may identify a person or a private space: a personal chat is named after the
         * peer (often the witness) and its id is the peer's Telegram id; a private group's or private channel's name
         * may be anything, and its members are who the state would look for. Only public channels and public
         * supergroups are shown as they are.
         */
        boolean namesPeople() {
            return !isPublic();
        }
    }

    interface Visitor {
        void message(Chat chat, JsonNode message) throws IOException;
    }

    /** The file is not a Telegram export's JSON. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    static void read(InputStream in, Visitor visitor) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("result.json must hold a JSON object");
            }
            chat(p, visitor, true);
        } catch (JsonProcessingException e) {
            throw new Malformed("result.json is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** Reads one object that may be a chat (fields name, type, id, messages) or, at the root, an account export. */
    private static void chat(JsonParser p, Visitor visitor, boolean root) throws IOException {
        String name = null;
        String type = null;
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "name" -> name = value.isScalarValue() ? p.getValueAsString() : skip(p);
                case "type" -> type = value.isScalarValue() ? p.getValueAsString() : skip(p);
                case "id" -> id = value.isScalarValue() ? p.getValueAsString() : skip(p);
                case "messages" -> messages(p, new Chat(name == null ? "(unnamed chat)" : name, type == null ? "unknown" : type, id), visitor);
                case "chats", "left_chats" -> {
                    if (root && value == JsonToken.START_OBJECT) {
                        list(p, visitor);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static void list(JsonParser p, Visitor visitor) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("list") && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    chat(p, visitor, false);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void messages(JsonParser p, Chat chat, Visitor visitor) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new Malformed("messages of chat " + chat.name() + " must be a list");
        }
        if (chat.id() == null) {
            throw new Malformed("the chat " + chat.name() + " has no id before its messages");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode message = p.readValueAsTree();
            visitor.message(chat, message);
        }
    }
}
