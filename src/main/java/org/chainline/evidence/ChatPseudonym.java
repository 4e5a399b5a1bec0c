package org.chainline.evidence;

import org.chainline.protection.IdentityProtection;

import java.util.Locale;

/**
 * How a Telegram chat that may identify a person (a personal chat, a private group) is shown: a pseudonym
 * ({@code TG-chat-1A2B3C4D}) and a keyed token ({@code p} and 12 hex digits) in place of its name and Telegram id, the
 * same for the same chat under this instance's key.
 */
record ChatPseudonym(String name, String id) {

    static ChatPseudonym of(IdentityProtection protection, String telegramChatId) {
        String token = protection.token("telegram-chat", telegramChatId, 12);
        return new ChatPseudonym("TG-chat-" + token.substring(0, 8).toUpperCase(Locale.ROOT), "p" + token);
    }
}
