package org.chainline.dossier.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.cases.Scope;
import org.chainline.evidence.Custody;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.liability.CitedEvidence;
import org.chainline.refusal.InvalidInput;
import org.chainline.regime.Labels.Key;
import org.chainline.regime.Labels;
import org.chainline.regime.Wording;
import org.chainline.registry.EvidenceHashes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annex of evidence: every item a dossier cites, numbered in the order it is first cited, with its grade, hash
 * and custody up to the dossier's journal position. Items are described by kind, source pseudonym and title; a
 * protected item's title is never shown, and the public audience sees no detail of restricted items either.
 */
final class EvidenceRegister {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "dossiers");


    private final RecordReads records;
    private final EvidenceLocker locker;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, Set<String>> supports = new LinkedHashMap<>();
    private final Map<String, Set<String>> contradicts = new LinkedHashMap<>();
    private final Map<String, JsonNode> items = new LinkedHashMap<>();
    private final Map<String, JsonNode> sources = new LinkedHashMap<>();

    private final Labels labels;

    private final EvidenceHashes hashes;

    EvidenceRegister(RecordReads records, EvidenceLocker locker, Labels labels, EvidenceHashes hashes) {
        this.hashes = hashes;
        this.labels = labels;
        this.records = records;
        this.locker = locker;
    }

    /** The printed citations of a claim, numbering items on first sight. */
    List<DossierContent.Cite> cite(String claim, List<CitedEvidence> citations) {
        List<DossierContent.Cite> cites = new ArrayList<>();
        for (CitedEvidence c : citations) {
            int number = numbers.computeIfAbsent(c.evidence(), id -> numbers.size() + 1);
            (c.supports() ? supports : contradicts).computeIfAbsent(c.evidence(), id -> new LinkedHashSet<>()).add(claim);
            cites.add(new DossierContent.Cite(c.evidence(), number, c.stance(), c.pinpoint(), c.grade()));
        }
        return cites;
    }

    /** The register number of an item counsel's text cites, numbering it on first sight. */
    int number(String evidence) {
        return numbers.computeIfAbsent(evidence, id -> numbers.size() + 1);
    }

    JsonNode item(String id) {
        return items.computeIfAbsent(id, i -> records.get("Evidence", i));
    }

    /** How an item is named in the text: its title, or what may be said of it in this audience. */
    String describe(String id, boolean publicAudience, Wording wording) {
        JsonNode item = item(id);
        return withheld(item, publicAudience) ? withheldTitle(item, wording) : item.path("title").asText();
    }

    private static boolean withheld(JsonNode item, boolean publicAudience) {
        String confidentiality = item.path("confidentiality").asText("restricted");
        return confidentiality.equals("protected") || (publicAudience && !confidentiality.equals("public"));
    }

    private static String withheldTitle(JsonNode item, Wording wording) {
        return (item.path("confidentiality").asText("restricted").equals("protected") ? wording.protectedItem() : wording.withheld())
                + " (" + item.path("kind").asText() + ")";
    }

    /**
     * The register's entries; {@code annexed}: protected items whose real SHA-256 counsel chose to print (a
     * government-confidential version only, checked with the order), each of which the dossier must cite.
     */
    List<DossierContent.RegisterEntry> entries(long position, boolean publicAudience, Wording wording, List<String> annexed) {
        for (String id : annexed) {
            if (!numbers.containsKey(id)) {
                throw new InvalidInput("annex", "evidence " + id + " is not cited by this dossier:"
                        + " only an item the dossier cites can be annexed");
            }
        }
        List<DossierContent.RegisterEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Integer> e : numbers.entrySet()) {
            JsonNode item = item(e.getKey());
            String sourcePseudonym = null;
            String reliability = null;
            if (item.hasNonNull("source")) {
                JsonNode source = sources.computeIfAbsent(item.get("source").asText(), id -> records.get("Source", id));
                sourcePseudonym = source.path("pseudonym").asText(null);
                reliability = source.path("reliability").asText(null);
            }
            Integer credibility = item.hasNonNull("credibility") ? item.get("credibility").asInt() : null;
            boolean withheld = withheld(item, publicAudience);
            entries.add(new DossierContent.RegisterEntry(e.getValue(), e.getKey(), item.path("kind").asText(),
                    withheld ? withheldTitle(item, wording) : item.path("title").asText(), date(item), sourcePseudonym,
                    (reliability == null ? "F" : reliability) + (credibility == null ? 6 : credibility), credibility,
                    annexed.contains(e.getKey()) ? item.path("sha256").asText(null) : printedHash(item), item.path("fileStatus").asText(null),
                    item.path("confidentiality").asText("restricted"), withheld, custody(e.getKey(), position),
                    List.copyOf(supports.getOrDefault(e.getKey(), Set.of())),
                    List.copyOf(contradicts.getOrDefault(e.getKey(), Set.of())), annexed.contains(e.getKey())));
        }
        return entries;
    }

    private static String date(JsonNode item) {
        for (String field : List.of("captured", "publishedAt", "published", "collectedAt")) {
            if (item.hasNonNull(field)) {
                String value = item.get(field).asText();
                return field.equals("publishedAt") || field.equals("collectedAt") ? value.substring(0, Math.min(10, value.length())) : value;
            }
        }
        return null;
    }

    /**
     * The SHA-256 a dossier prints: a protected item's (or that of an item naming protected bytes) never, in any
     * audience, but the keyed digest, so that a copy of the dossier confirms no file as the protected one.
     */
    private String printedHash(JsonNode item) {
        return item.hasNonNull("sha256") && item instanceof ObjectNode o
                ? hashes.shown(o.deepCopy(), false).get("sha256").asText() : item.path("sha256").asText(null);
    }

    /** Arrival and the count of custody events up to the dossier's position; no actor is named. */
    private String custody(String id, long position) {
        List<Custody.Event> events = locker.custody(UNBOUNDED, id, false).events().stream().filter(ev -> ev.seq() <= position).toList();
        StringBuilder text = new StringBuilder();
        events.stream().filter(ev -> ev.action().equals("received") || ev.action().equals("imported")).findFirst()
                .ifPresentOrElse(first -> text.append(labels.get(Key.CUSTODY_FIRST, "action", first.action(), "date", day(first.at())))
                                .append(first.details().hasNonNull("via") ? labels.get(Key.CUSTODY_VIA, "via", first.details().get("via").asText()) : ""),
                        () -> events.stream().findFirst().ifPresentOrElse(
                                first -> text.append(labels.get(Key.CUSTODY_RECORDED, "date", day(first.at()))),
                                () -> text.append(labels.get(Key.CUSTODY_NONE))));
        events.stream().filter(ev -> ev.action().equals("verified")).reduce((a, b) -> b)
                .ifPresent(v -> text.append(labels.get(Key.CUSTODY_VERIFIED, "date", day(v.at()))));
        text.append(labels.get(events.size() == 1 ? Key.CUSTODY_COUNT_ONE : Key.CUSTODY_COUNT_MANY, "count", events.size(),
                "position", position));
        return text.toString();
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }
}
