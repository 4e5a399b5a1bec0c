package org.chainline.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Context;
import org.chainline.cases.Scope;
import org.chainline.Sha256;
import org.chainline.counsel.CounselTexts;
import org.chainline.dossier.content.DossierAssembler;
import org.chainline.dossier.content.DossierContent;
import org.chainline.dossier.pdf.PadesSigner;
import org.chainline.dossier.pdf.PdfDates;
import org.chainline.dossier.pdf.PdfDossierRenderer;
import org.chainline.evidence.Custody;
import org.chainline.graph.Graph;
import org.chainline.input.Json;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalAnchors;
import org.chainline.journal.JournalEntry;
import org.chainline.journal.Projector;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Problems;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.Records;
import org.chainline.review.ClaimReviews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Generates dossiers and keeps them: the content is assembled from the record as of the last journal entry that
 * can change it, drawn to PDF, stored with its hashes and journaled (dossier.generated, and an export in the custody of
 * every evidence item it cites). The same record, subject, regime and audience give the same bytes; an earlier
 * dossier is redrawn from the content it keeps.
 */
@Context // a signing keystore that cannot be used stops start-up, not the first generation
public class Dossiers {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "dossiers");


    /** The content as JSON: records in declaration order, so the same content is the same bytes. */
    static final String GENERATED = "dossier.generated";
    /** The most protected items one version may annex (a dossier cites a few hundred items at most). */
    static final int MAX_ANNEXED = 500;

    private final DossierAssembler assembler;
    private final Regimes regimes;
    private final Records records;
    private final Journal journal;
    private final Projector projector;
    private final Custody custody;
    private final DossierStore store;
    private final DossierSettings settings;
    private final Clock clock;
    /** The journal kinds that can change a dossier (see {@link #position()}). */
    private final List<String> concerning;
    /** Signs every dossier when a keystore is configured; null otherwise. */
    private final PadesSigner signer;

    private final JournalAnchors anchors;

    private final ClaimReviews reviews;

    private final EvidenceHashes hashes;

    /** Counsel approved a dossier: the approved PDF's hashes and who signed it. */
    static final String APPROVED = "dossier.approved";

    Dossiers(DossierAssembler assembler, Regimes regimes, Records records, Journal journal, Projector projector,
             Custody custody, DossierStore store, DossierSettings settings, Clock clock,
             JournalAnchors anchors, ClaimReviews reviews,
             EvidenceHashes hashes) {
        this.hashes = hashes;
        this.anchors = anchors;
        this.reviews = reviews;
        this.assembler = assembler;
        this.regimes = regimes;
        this.records = records;
        this.journal = journal;
        this.projector = projector;
        this.custody = custody;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        List<String> kinds = new ArrayList<>();
        for (var type : records.model().types()) {
            kinds.addAll(List.of(type.kind("created"), type.kind("changed"), type.kind("retired")));
        }
        for (Custody.Action action : List.of(Custody.Action.RECEIVED, Custody.Action.IMPORTED, Custody.Action.VERIFIED,
                Custody.Action.TRANSFERRED)) {
            kinds.add(action.kind());
        }
        kinds.addAll(ClaimReviews.DECIDING);
        kinds.add(CounselTexts.WRITTEN);
        this.concerning = List.copyOf(kinds);
        this.signer = settings.signingKeystore() == null ? null : signer(settings);
    }

    private static PadesSigner signer(DossierSettings settings) {
        try {
            return PadesSigner.fromKeystore(Path.of(settings.signingKeystore()),
                    settings.signingPassword() == null ? new char[0] : settings.signingPassword().toCharArray(), settings.signingAlias());
        } catch (IllegalArgumentException e) {
            throw new SigningUnavailable(e.getMessage());
        }
    }

    /**
     * What is being made: checked before any work starts. {@code draft}: the dossier may rest on claims not yet
     * reviewed (listed in it), and so can never be approved; otherwise it rests only on accepted claims.
     * {@code annexed}: protected items, cited by the dossier, whose real SHA-256 a government-confidential version
     * prints because counsel (a holder of the grant) chose to annex them; sorted, usually none.
     */
    public record Order(String subject, String regime, String audience, boolean draft, List<String> annexed) {

        public Order(String subject, String regime, String audience, boolean draft) {
            this(subject, regime, audience, draft, List.of());
        }
    }

    /** A generated dossier and whether it was already held (the same record gives the same dossier). */
    public record Generated(Dossier dossier, boolean existed) {
    }

    /** Checks an order: the regime and audience exist, the subject is a person. */
    public Order check(String subject, String regime, String audience) {
        return check(subject, regime, audience, false);
    }

    public Order check(String subject, String regime, String audience, boolean draft) {
        return check(subject, regime, audience, draft, List.of(), false);
    }

    /**
     * Checks an order that may annex protected items ({@code annex}, ids of evidence items): only a holder of the
     * witness-protection grant may ask for it, only in a government-confidential version, and only of items that are
     * protected and have a file (whether the dossier cites them is known once it is assembled).
     */
    public Order check(String subject, String regime, String audience, boolean draft, List<String> annex, boolean holdsGrant) {
        if (!annex.isEmpty() && !holdsGrant) {
            throw new Forbidden("annex", "annexing a protected item prints its SHA-256, which only"
                    + " holders of the witness-protection grant may choose to give");
        }
        Problems problems = new Problems();
        Order order = checked(subject, regime, audience, draft, problems);
        TreeSet<String> ids = new TreeSet<>();
        if (annex.size() > MAX_ANNEXED) {
            problems.add("annex", "names " + annex.size() + " items: a version annexes at most " + MAX_ANNEXED);
        } else if (!annex.isEmpty() && order != null && !order.audience().equals("government-confidential")) {
            problems.add("annex", "a " + order.audience() + " version never prints a protected item's SHA-256:"
                    + " annex items only to a government-confidential version");
        } else {
            var evidence = records.model().type("Evidence").orElseThrow();
            for (String id : annex) {
                JsonNode item;
                try {
                    item = records.get(UNBOUNDED, evidence, id);
                } catch (NotFound e) {
                    problems.add("annex", "names " + id + ", which is not an evidence item's id");
                    continue;
                }
                String sha = item.path("sha256").asText(null);
                if (sha == null) {
                    problems.add("annex", "names " + id + ", which has no file (no SHA-256): there is nothing to annex");
                } else if (!"protected".equals(item.path("confidentiality").asText()) && hashes.protectedAmong(List.of(sha)).isEmpty()) {
                    problems.add("annex", "names " + id + ", which is not protected: every version prints its SHA-256 already");
                } else {
                    ids.add(id);
                }
            }
        }
        problems.refuseIfAny();
        return ids.isEmpty() ? order : new Order(order.subject(), order.regime(), order.audience(), order.draft(), List.copyOf(ids));
    }

    /** The order's subject, regime and audience checked, each problem noted; null when one is noted. */
    private Order checked(String subject, String regime, String audience, boolean draft, Problems problems) {
        List<String> known = regimes.all().stream().map(Regime::id).toList();
        if (subject == null || subject.isBlank()) {
            problems.add("subject", "is required: the id of the person the dossier is about");
        } else {
            try {
                records.get(UNBOUNDED, records.model().type("Person").orElseThrow(), subject);
            } catch (NotFound e) {
                problems.add("subject", "is not a person's id: " + subject);
            }
        }
        if (regime == null || regime.isBlank()) {
            problems.add("regime", "is required (known: " + String.join(", ", known) + ")");
        } else if (!known.contains(regime)) {
            problems.add("regime", "'" + regime + "' is not a known regime (known: " + String.join(", ", known) + ")");
        }
        String a = audience == null || audience.isBlank() ? "government-confidential" : audience;
        if (!Regimes.AUDIENCES.contains(a)) {
            problems.add("audience", "must be one of " + String.join(", ", Regimes.AUDIENCES) + " (it is '" + audience + "')");
        }
        return problems.isEmpty() ? new Order(subject, regime, a, draft) : null;
    }

    /**
     * Generates (or finds) the dossier of an order; {@code progress} hears each stage and its share of the work.
     *
     * <p>A dossier is made as of one journal position, from the graph at that position. It is first assembled as the
     * record stands, and kept if nothing it could say changed meanwhile. While others keep writing that is rarely so:
     * then the graph is held at its position (writes go on being acknowledged, and reach the graph after) and the
     * dossier is assembled as of the last entry the graph holds.
     */
    public Generated generate(String actor, Order order, BiConsumer<String, Integer> progress) {
        Regime regime = regimes.get(order.regime());
        progress.accept("catching up the graph", 5);
        JournalEntry at = position();
        projector.catchUp();
        Graph.State graphBefore = projector.state();
        if (graphBefore.rebuilding()) {
            throw Graph.rebuilding();
        }
        progress.accept("assembling", 15);
        Optional<Assembled> assembled = assembleAt(order, regime, at)
                .filter(a -> position().seq() == at.seq()) // the record changed while it was read
                .filter(a -> projector.state().generation() == graphBefore.generation()); // the graph was rebuilt meanwhile
        for (int attempt = 0; assembled.isEmpty() && attempt < 3; attempt++) {
            assembled = projector.holding(graph -> {
                JournalEntry held = journal.lastOf(concerning, graph.position())
                        .orElseThrow(() -> new InvalidInput("subject", "the record is empty"));
                return assembleAt(order, regime, held);
            });
        }
        Assembled dossier = assembled.orElseThrow(() ->
                new Conflict("subject", "the records this dossier reads kept changing while it was assembled; try again"));
        String contentHash = Sha256.hex(bytes(dossier.content()));
        DossierContent content = dossier.content().withContentHash(contentHash);
        byte[] json = bytes(content);
        progress.accept("drawing", 40);
        PdfDossierRenderer.Rendered rendered = PdfDossierRenderer.render(content, json, regimes.labels());
        progress.accept("recording", 90);
        return record(actor, order, content, json, rendered, dossier.position(), dossier.version(), contentHash);
    }

    private record Assembled(DossierContent content, long position, int version) {
    }

    /** The dossier's content as of {@code at}, or empty if a record it read was changed after {@code at}. */
    private Optional<Assembled> assembleAt(Order order, Regime regime, JournalEntry at) {
        long position = at.seq();
        int version = store.earlierVersions(order.subject(), order.regime(), order.audience(), position) + 1;
        String id = "dos-" + Sha256.hex((order.subject() + "\n" + order.regime() + "\n" + order.audience() + "\n" + position + "\n"
                + Json.write(regime) + Json.write(regimes.wording()) + labelsChanged() + (order.draft() ? "\ndraft" : "")
                + (reviews.fourEyes() ? "" : "\none person")
                + (order.annexed().isEmpty() ? "" : "\nannexed " + String.join(" ", order.annexed())))
                .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        try {
            return Optional.of(new Assembled(assembler.assemble(new DossierAssembler.Request(id, order.subject(), regime,
                    regimes.wording(), regimes.labels(), order.audience(), settings.organisation(), settings.contact(), position,
                    at.hash(), at.recordedAt().truncatedTo(ChronoUnit.SECONDS).toString(), version, order.draft(),
                    order.annexed())),
                    position, version));
        } catch (DossierAssembler.RecordChangedMeanwhile e) {
            return Optional.empty();
        }
    }

    /** What of the labels is this instance's own wording: nothing for Chainline's, so its dossier ids stay as they were. */
    private String labelsChanged() {
        return regimes.labelsChanged().isEmpty() ? "" : "\n" + Json.write(regimes.labelsChanged());
    }

    /**
     * The journal entry a dossier is made as of: the last that can change what it says, a change to a record or the
     * arrival, check or hand-over of evidence. Its own side effects (exports, dossier records), accounts, cases, and
     * the viewing of evidence change nothing in it, so generating again after any of them gives the same dossier.
     */
    private JournalEntry position() {
        return journal.lastOf(concerning).orElseThrow(() -> new InvalidInput("subject", "the record is empty"));
    }

    private Generated record(String actor, Order order, DossierContent content, byte[] json, PdfDossierRenderer.Rendered rendered,
                             long position, int version, String contentHash) {
        String id = content.cover().dossierId();
        String unsigned = Sha256.hex(rendered.pdf());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // a draft is not signed: the signature goes on the version counsel approves
        byte[] delivered = rendered.pdf();
        String sha = unsigned;
        return journal.write(actor, null, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            var held = store.find(batch.connection(), id);
            if (held.isPresent()) {
                return new Generated(held.get(), true);
            }
            ObjectNode payload = Json.MAPPER.createObjectNode().put("dossier", id).put("subject", order.subject())
                    .put("regime", order.regime()).put("audience", order.audience()).put("position", position)
                    .put("version", version).put("sha256", sha).put("unsignedSha256", unsigned).put("contentHash", contentHash)
                    .put("pages", rendered.pages()).put("draft", order.draft());
            if (!order.annexed().isEmpty()) {
                payload.set("annexed", Json.MAPPER.valueToTree(order.annexed()));
            }
            JournalEntry entry = batch.add(new Change(GENERATED, id, new Change.Json(payload.toString())));
            // the dossier prints the hash of its position: once it leaves, that position is anchored outside
            anchors.add(batch, position, "dossier", id);
            for (DossierContent.RegisterEntry e : content.register()) {
                custody.add(batch, e.evidence(), Custody.Action.EXPORTED, Json.MAPPER.createObjectNode().put("dossier", id)
                        .put("regime", order.regime()).put("audience", order.audience()).put("register", "E" + e.number())
                        .put("withheld", e.withheld()).put("annexed", e.annexed()));
            }
            Dossier dossier = new Dossier(id, order.subject(), order.regime(), order.audience(), position, version, actor, now,
                    sha, unsigned, null, contentHash, rendered.pages(), delivered.length, entry.seq(), order.draft(), null,
                    order.annexed());
            store.insert(batch.connection(), dossier, json, delivered);
            return new Generated(dossier, false);
        });
    }

    /**
     * The journal position a dossier PDF prints (read from the machine-readable copy inside it), as an anchor to check
     * the journal against: a copy kept by the authority it went to cannot be rewritten with the journal.
     */
    public JournalAnchors.Anchor anchorIn(byte[] pdf) {
        byte[] json = PdfDossierRenderer.attachedContent(pdf).orElseThrow(() -> new InvalidInput("dossier",
                "is not a Chainline dossier: the PDF holds no machine-readable dossier"));
        try {
            DossierContent content = Json.MAPPER.readValue(json, DossierContent.class);
            return JournalAnchors.Anchor.given(content.cover().journalPosition(),
                    content.cover().journalHash(), "dossier PDF " + content.cover().dossierId());
        } catch (IOException e) {
            throw new InvalidInput("dossier", "holds a machine-readable dossier that cannot be read");
        }
    }

    public List<Dossier> list(String subject) {
        return store.list(subject == null || subject.isBlank() ? null : subject);
    }

    public Dossier get(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("dossier", id));
    }

    /**
     * The dossier, if the reader may have its PDF and content: a version that annexes protected items prints their
     * SHA-256, so it goes only to holders of the witness-protection grant.
     */
    public Dossier readable(String id, boolean holdsGrant) {
        Dossier dossier = get(id);
        if (dossier.annexesProtected() && !holdsGrant) {
            throw new Forbidden("id", "dossier " + id + " annexes protected items (it prints their"
                    + " SHA-256): it goes only to holders of the witness-protection grant");
        }
        return dossier;
    }

    /** The PDF as it is delivered now: the approved one once approved, else the draft. */
    public byte[] pdf(String id) {
        get(id);
        return store.pdf(id);
    }

    /** The PDF as generated, before any approval (marked DRAFT on every page). */
    public byte[] draftPdf(String id) {
        get(id);
        return store.draftPdf(id);
    }

    /** The content the PDF as delivered was drawn from (the JSON attached inside it): with its approval once approved. */
    public byte[] content(String id) {
        get(id);
        byte[] approved = store.approvedContent(id);
        return approved != null ? approved : store.content(id);
    }

    /**
     * An earlier dossier drawn again from the content it keeps, and whether the bytes are the ones delivered (for a
     * signed dossier: the ones it signed, which are the first bytes of the file delivered).
     */
    public record Regenerated(Dossier dossier, byte[] pdf, String sha256, boolean identical) {
    }

    /**
     * Counsel approves a dossier for submission: it is drawn again without the DRAFT marking and with the approval on
     * its cover, and signed where a key is configured. Under four eyes, not by who generated it; never a draft that
     * rests on claims not yet reviewed; once only.
     */
    public Dossier approve(String actor, String id) {
        return approve(actor, id, signer, false);
    }

    /** As {@link #approve(String, String)}, by an approver who may ({@code holdsGrant}) read a version that annexes protected items. */
    public Dossier approve(String actor, String id, boolean holdsGrant) {
        return approve(actor, id, signer, holdsGrant);
    }

    /** As {@link #approve(String, String)}, signed with {@code with} (null: not signed) instead of the configured key. */
    public Dossier approve(String actor, String id, PadesSigner with) {
        return approve(actor, id, with, false);
    }

    private Dossier approve(String actor, String id, PadesSigner with, boolean holdsGrant) {
        PadesSigner signer = with;
        // who approves reads what they approve: a version that annexes protected items, only a holder of the grant
        Dossier dossier = readable(id, holdsGrant);
        if (dossier.approved()) {
            throw new Conflict("id", "dossier " + id + " was already approved by " + dossier.approval().by() + " on "
                    + dossier.approval().at().truncatedTo(ChronoUnit.SECONDS));
        }
        if (dossier.draft()) {
            throw new Conflict("id", "dossier " + id + " is a draft that includes claims not yet reviewed: review them, then"
                    + " generate the dossier again without draft and approve that one");
        }
        if (reviews.fourEyes() && dossier.author().equals(actor)) {
            throw new Forbidden("id", "you generated dossier " + id
                    + ", so another member of counsel must approve it");
        }
        DossierContent content = read(id, store.content(id));
        if (content.counsel() != null && !content.counsel().unresolved().isEmpty()) {
            throw new Conflict("id", "counsel's text in dossier " + id + " cites what the dossier does not rest on ("
                    + String.join(", ", content.counsel().unresolved()) + "): change the text or review those claims, then"
                    + " generate again");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DossierContent approved = content.approved(new DossierContent.Approval(actor,
                now.truncatedTo(ChronoUnit.SECONDS).toString(), reviews.fourEyes()));
        byte[] json = bytes(approved);
        PdfDossierRenderer.Rendered rendered = PdfDossierRenderer.render(approved, json, regimes.labels());
        String unsigned = Sha256.hex(rendered.pdf());
        byte[] delivered = signer == null ? rendered.pdf() : signer.sign(rendered.pdf(), "Dossier " + id + " under the "
                + dossier.regime() + " regime, from the record as of journal entry " + dossier.position() + ", approved by "
                + actor, PdfDates.utc(now));
        Dossier.Approval approval = new Dossier.Approval(actor, now, Sha256.hex(delivered), unsigned,
                signer == null ? null : signer.signer(), rendered.pages(), delivered.length);
        journal.write(actor, null, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            if (store.find(batch.connection(), id).map(Dossier::approved).orElse(false)) {
                throw new Conflict("id", "dossier " + id + " was approved meanwhile");
            }
            ObjectNode payload = Json.MAPPER.createObjectNode().put("dossier", id).put("sha256", approval.sha256())
                    .put("unsignedSha256", unsigned).put("fourEyes", reviews.fourEyes());
            if (signer != null) {
                payload.put("signedBy", signer.signer());
            }
            JournalEntry entry = batch.add(new Change(APPROVED, id, new Change.Json(payload.toString())));
            store.approve(batch.connection(), id, approval, entry.seq(), json, delivered);
            return null;
        });
        return get(id);
    }

    private static DossierContent read(String id, byte[] json) {
        try {
            String format = Json.MAPPER.readTree(json).path("format").asText("");
            if (!format.equals(DossierContent.FORMAT)) {
                throw new Conflict("id", "dossier " + id + " keeps its content in the format " + format
                        + ", which an earlier version of Chainline drew; this version draws " + DossierContent.FORMAT
                        + ": its PDF and content stay as delivered, and generating again makes a new version");
            }
            return Json.MAPPER.readValue(json, DossierContent.class);
        } catch (IOException e) {
            throw new IllegalStateException("the stored content of dossier " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Regenerated regenerate(String id) {
        Dossier dossier = get(id);
        if (dossier.approved()) {
            byte[] json = store.approvedContent(id);
            byte[] pdf = PdfDossierRenderer.render(read(id, json), json, regimes.labels()).pdf();
            String sha = Sha256.hex(pdf);
            return new Regenerated(dossier, pdf, sha, sha.equals(dossier.approval().unsignedSha256()));
        }
        byte[] json = store.content(id);
        // an earlier version drew it from content of another shape: it can be read (it is attached to its PDF), not
        // drawn again by this version
        DossierContent content = read(id, json);
        byte[] pdf = PdfDossierRenderer.render(content, json, regimes.labels()).pdf();
        String sha = Sha256.hex(pdf);
        return new Regenerated(dossier, pdf, sha, sha.equals(dossier.unsignedSha256()));
    }

    static byte[] bytes(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
