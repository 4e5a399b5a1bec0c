package org.chainline.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.storage.Upgrades;
import org.chainline.cases.Scope;
import org.chainline.input.Json;
import org.chainline.protection.IdentityProtection;
import org.chainline.registry.EvidenceRecords;
import org.chainline.registry.Records;
import org.chainline.registry.RecordsAdoption;
import org.chainline.registry.model.RecordType;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings what earlier versions imported from Telegram up to today's protection, once per instance, at start-up (journaled, with
 * why): raw exports kept {@code restricted} become protected (unless a holder of the grant lowered one on purpose), and
 * messages from a personal chat or private group lose the chat's name and Telegram id from their title, {@code channel}
 * and {@code channelId} for the same pseudonym and token a new import gives. Their ids, and the journal's history,
 * cannot change: see README.
 */
@Singleton
class EarlierTelegramImports {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EarlierTelegramImports.class);

    /** The name of this upgrade in {@code upgrade_done}. */
    static final String UPGRADE = "telegram-protection-2026-12";
    private static final Scope UPGRADING = Scope.everyCase("an upgrade of what earlier versions imported");

    private final Records records;
    private final EvidenceRecords evidenceRecords;
    private final IdentityProtection protection;
    private final TransactionOperations<Connection> transactions;

    private final RecordsAdoption adoption;

    EarlierTelegramImports(Records records, EvidenceRecords evidenceRecords, IdentityProtection protection,
                           TransactionOperations<Connection> transactions, RecordsAdoption adoption) {
        this.adoption = adoption;
        this.records = records;
        this.evidenceRecords = evidenceRecords;
        this.protection = protection;
        this.transactions = transactions;
    }

    /** Runs the upgrade unless it has run here before (it scans every evidence record, so once is enough). */
    void protect() {
        adoption.adopt(); // the records it changes must be in a case first
        if (done()) {
            return;
        }
        upgrade();
        Upgrades.markDone(transactions, UPGRADE);
    }

    private boolean done() {
        return Upgrades.done(transactions, UPGRADE);
    }

    /** Visible for the test, which plants records as an earlier version wrote them after the first start. */
    void upgrade() {
        RecordType evidence = records.model().type("Evidence").orElseThrow();
        List<String> exports = evidenceRecords.unprotected("result.json", "application/json",
                List.of("Telegram export of ", "Telegram account export"));
        for (String id : exports) {
            records.change(UPGRADING, evidence, id, Json.MAPPER.createObjectNode().put("confidentiality", "protected"),
                    "a Telegram export's result.json names every sender and forwarder: protected");
        }
        Map<String, ObjectNode> messages = evidenceRecords.earlierPrivateTelegramMessages();
        Map<String, ObjectNode> patches = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> m : messages.entrySet()) {
            ObjectNode item = m.getValue();
            ChatPseudonym shown = ChatPseudonym.of(protection, item.path("channelId").asText());
            String pseudonym = shown.name();
            ObjectNode patch = Json.MAPPER.createObjectNode().put("channel", pseudonym).put("channelId", shown.id());
            String title = item.path("title").asText("");
            String marker = " #" + item.path("messageId").asText() + ": ";
            int at = title.indexOf(marker);
            patch.put("title", at >= 0 ? pseudonym + title.substring(at) : pseudonym + marker + "message");
            patches.put(m.getKey(), patch);
            // a single chat's export is titled after the chat: after this one, here
            String export = item.path("partOf").asText(null);
            if (export != null && !patches.containsKey(export) && records.titleOf(UPGRADING, evidence, export)
                    .filter(t -> t.startsWith("Telegram export of ") && !t.startsWith("Telegram export of TG-chat-")).isPresent()) {
                patches.put(export, Json.MAPPER.createObjectNode().put("title", "Telegram export of " + pseudonym + " (result.json)"));
            }
        }
        records.changeAll("system", evidence, patches, "a personal chat's or private group's name and Telegram id are"
                + " replaced by the pseudonym and token a new import gives");
        if (!exports.isEmpty() || !messages.isEmpty()) {
            LOG.info("Protected {} Telegram export(s) and pseudonymised {} message(s) imported by an earlier version",
                    exports.size(), messages.size());
        }
    }
}
