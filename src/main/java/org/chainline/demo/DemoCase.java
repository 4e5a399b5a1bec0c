package org.chainline.demo;

import jakarta.inject.Singleton;
import org.chainline.Sha256;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.counsel.CounselTexts;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.evidence.files.FileStore;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;
import org.chainline.review.ClaimReviews;
import org.chainline.review.Decision;
import org.chainline.review.ReviewState;
import org.chainline.sanctions.Designations;
import org.chainline.sanctions.SanctionLists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fictional demo case of mission.md (the Tamyr fuel protests): its records, the files of the evidence items it
 * names by hash (which arrive in the locker as those items' files), and a fictional sanctions list on which one subject
 * is already designated, with that match confirmed. Loading it twice changes nothing.
 */
@Singleton
public class DemoCase {

    public static final String RECORDS = "demo/tamyr-crackdown.ndjson";
    /** A fictional sanctions list in the shape of OpenSanctions' targets.simple.csv, and the match the demo confirms. */
    public static final String SANCTIONS_LIST = "demo/sanctions/targets.simple.csv";
    public static final String LIST_NAME = "demo-opensanctions";
    static final String LIST_DATE = "2025-09-30";
    static final String DESIGNATED_PERSON = "p-otegulov";
    static final String DESIGNATED_ENTRY = "NK-demo-7Hq2Lp";
    /** Each demo file and the item whose record names its hash (forwards of one video name the same file). */
    static final Map<String, String> FILES = files();

    private final RecordImport imports;
    private final EvidenceLocker locker;
    private final FileStore store;
    private final SanctionLists lists;
    private final Designations designations;
    private final ClaimReviews reviews;

    /** The second member of counsel who reviewed the demo's claims (four eyes: not whoever loaded them). */
    public static final String REVIEWER = "demo-reviewer";
    /** The claim the demo leaves for review: it reaches a draft, not a government dossier. */
    public static final String UNREVIEWED = "trv-otegulov-london";
    /** The claim the demo's reviewer rejected: no dossier states it. */
    public static final String REJECTED = "asc-abdigaliyev-kostrov";

    private final CounselTexts counsel;
    private final Cases cases;

    /** The demo's case, which holds every record and file it loads. */
    public static final String CASE = "case-tamyr-crackdown";
    /**
     * Who is in it: the demo's account of counsel (made as the demo serves), an analyst and a viewer (accounts an
     * administrator may make under these names), and the two members of counsel who reviewed and wrote for it.
     */
    public static final Map<String, CaseRole> MEMBERS = Map.of("counsel", CaseRole.OWNER, "analyst", CaseRole.ANALYST,
            "viewer", CaseRole.VIEWER, DemoCase.REVIEWER, CaseRole.COUNSEL, DemoCase.COUNSEL, CaseRole.COUNSEL);

    /** The member of counsel who wrote the demo's text for one subject. */
    public static final String COUNSEL = "demo-counsel";

    DemoCase(RecordImport imports, EvidenceLocker locker, FileStore store, SanctionLists lists, Designations designations,
             ClaimReviews reviews, CounselTexts counsel, Cases cases) {
        this.cases = cases;
        this.counsel = counsel;
        this.reviews = reviews;
        this.lists = lists;
        this.designations = designations;
        this.imports = imports;
        this.locker = locker;
        this.store = store;
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("akkala-live-4411-roof-video.txt", "ev-tg-square-video");
        files.put("tv-address-transcript.txt", "ev-tv-address");
        files.put("regiment-order-book-4-6-march-2025.txt", "ev-regiment-order-book");
        files.put("sunkar-duty-roster-march-2025.txt", "ev-leak-roster");
        files.put("erkin-habar-airport-road-video.txt", "ev-tg-airport-video");
        return files;
    }

    /**
     * What loading did: the records' import report, how many files arrived now, and the sanctions list and its one
     * designated subject (null when the records did not import).
     */
    public record Loaded(ImportReport records, int filesStored, SanctionLists.Report list, Designations.Status designated) {

        /** One line on the demo's sanctions list and who is designated on it. */
        public String sanctionsSummary() {
            return "sanctions list " + list.list() + " (" + list.entries() + " entries, fictional): " + designated.person()
                    + " already designated by " + String.join(", ", designated.activeJurisdictions());
        }
    }

    public Loaded load(String actor, RecordImport.Progress progress) {
        cases.openForOperator(actor, CASE, "Tamyr crackdown", "The fictional demo case: the shootings at the fuel-price protests"
                + " in the Republic of Tamyr, March 2025, and who commanded the units that fired.", MEMBERS, "fictional demo case");
        Filing filing = new Filing(Scope.operator(actor), CASE);
        ImportReport report;
        try (InputStream in = resource(RECORDS)) {
            report = imports.run(filing, "fictional demo case", in.readAllBytes(), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo case cannot be read from the build", e);
        }
        if (!report.applied()) {
            return new Loaded(report, 0, null, null);
        }
        int stored = 0;
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            String resource = "demo/evidence/" + f.getKey();
            if (store.holds(sha256(resource))) {
                continue;
            }
            try (InputStream in = resource(resource)) {
                locker.receive(filing, "fictional demo case: the file of " + f.getValue(), in,
                        new EvidenceLocker.Upload(f.getKey(), "text/plain", null, null, null, null, "demo case", f.getValue()));
                stored++;
            } catch (IOException e) {
                throw new UncheckedIOException("the demo file " + resource + " cannot be read", e);
            }
        }
        SanctionLists.Report list;
        try (InputStream in = resource(SANCTIONS_LIST)) {
            list = lists.importFile(actor, LIST_NAME, "targets-simple-csv", "targets.simple.csv", in, LIST_DATE);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo sanctions list cannot be read from the build", e);
        }
        designations.decide(Scope.operator(actor), new Designations.DecisionRequest(DESIGNATED_PERSON, LIST_NAME, DESIGNATED_ENTRY, "confirmed",
                "Fictional demo: names, birth date and nationality agree; the listing names his command of the National Guard"));
        review();
        counselText();
        return new Loaded(report, stored, list, designations.status(Scope.operator(actor), DESIGNATED_PERSON));
    }

    /** Counsel's own words for the UK submission about the commander of the National Guard, once. */
    private void counselText() {
        if (counsel.latest(DESIGNATED_PERSON, "uk-ghr", Long.MAX_VALUE).isPresent()) {
            return;
        }
        counsel.write(COUNSEL, DESIGNATED_PERSON, "uk-ghr", new CounselTexts.Draft(
                "The Tamyr Accountability Project (a fictional organisation) asks the Secretary of State to designate Galym"
                        + " Otegulov, commander of the National Guard of the fictional Republic of Tamyr, as an involved person"
                        + " under the Global Human Rights Sanctions Regulations 2020 [[post-otegulov]].\n\n"
                        + "On 6 March 2025 a sniper platoon of a regiment under his command fired on protesters in Freedom"
                        + " Square [[inv-sniper-square]] [[rel-sniper-rrr7]] [[rel-rrr7-ng]]. Nobody has been charged.",
                "Units of the National Guard, which Galym Otegulov commanded throughout [[post-otegulov]], fired on peaceful"
                        + " protesters from rooftops; the regiment's own order book records the order to open fire"
                        + " [[ev-regiment-order-book]].",
                "A designation would reach a flat in London held by Dala Trading Ltd [[own-dala-lantern]], a company 60 % owned"
                        + " and directed by his spouse [[own-otegulova-dala]] [[dir-otegulova-dala]], registered in the United"
                        + " Kingdom [[ev-company-extract]]. An asset freeze would end the family's use of it, and would tell the"
                        + " Guard's officers that abuses at home have consequences abroad.",
                Map.of("i-freedom-square", "The death toll is disputed; the figures of the Human Rights Group are"
                        + " set out beside the ministry's, and both are in the register."), null),
                "fictional demo: counsel's text for the UK submission");
    }

    /** The demo's reviewer accepts every claim still proposed but two: one left for review, one rejected. */
    private void review() {
        List<ClaimReviews.Item> accept = new ArrayList<>();
        boolean reject = false;
        for (ReviewState s : reviews.all(Scope.operator(REVIEWER), REVIEWER).values()) {
            if (!s.state().equals(ReviewState.PROPOSED) || s.claim().equals(UNREVIEWED)) {
                continue;
            }
            if (s.claim().equals(REJECTED)) {
                reject = true;
            } else {
                accept.add(new ClaimReviews.Item(s.claim(), s.version()));
            }
        }
        if (!accept.isEmpty()) {
            reviews.decide(Scope.operator(REVIEWER), accept, Decision.ACCEPT, "Fictional demo: checked against the evidence cited");
        }
        if (reject) {
            reviews.decide(Scope.operator(REVIEWER), List.of(new ClaimReviews.Item(REJECTED, null)), Decision.REJECT,
                    "Fictional demo: the agreement names his contingent, not a personal tie; one document is not enough");
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoCase.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the build");
        }
        return in;
    }

    private static String sha256(String resource) {
        try (InputStream in = resource(resource)) {
            return Sha256.hex(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
