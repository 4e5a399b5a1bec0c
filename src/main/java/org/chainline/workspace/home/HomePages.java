package org.chainline.workspace.home;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.access.Roles;
import org.chainline.cases.CaseAccess;
import org.chainline.cases.Cases;
import org.chainline.dossier.Dossier;
import org.chainline.dossier.Dossiers;
import org.chainline.evidence.ProtectedCopies;
import org.chainline.journal.GraphCheck;
import org.chainline.journal.Journal;
import org.chainline.journal.ShownEntries;
import org.chainline.journal.StoreStatus;
import org.chainline.refusal.Refusal;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;
import org.chainline.registry.ProtectedNames;
import org.chainline.registry.Records;
import org.chainline.registry.model.Model;
import org.chainline.sanctions.GapReport;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Dates;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;
import org.chainline.workspace.shell.Links;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Home: open cases, the journal's latest changes, how the stores are, the gap report's top rows, the latest dossiers. */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class HomePages {

    static final int CHANGES = 12;
    static final int GAPS = 5;

    private final Cases cases;
    private final CaseAccess access;
    private final Journal journal;
    private final StoreStatus stores;
    private final GapReport gaps;
    private final Regimes regimes;
    private final Dossiers dossiers;
    private final Model model;
    private final ProtectedNames protectedNames;
    private final ProtectedCopies copies;
    private final ShownEntries shown;

    HomePages(Cases cases, Journal journal, StoreStatus stores, GapReport gaps,
                   Regimes regimes, Dossiers dossiers, Records records, ProtectedNames protectedNames,
                   ProtectedCopies copies, ShownEntries shown, CaseAccess access) {
        this.access = access;
        this.protectedNames = protectedNames;
        this.copies = copies;
        this.shown = shown;
        this.model = records.model();
        this.cases = cases;
        this.journal = journal;
        this.stores = stores;
        this.gaps = gaps;
        this.regimes = regimes;
        this.dossiers = dossiers;
    }

    /** The gap report's top rows as of now (kept by the report itself, made again only after a change). */
    GapReport.Report topGaps(Authentication who, String regime) {
        return top(gaps.current(access.scope(who), regime, null));
    }

    private static GapReport.Report top(GapReport.Report report) {
        return new GapReport.Report(report.regime(), report.jurisdiction(), report.minimum(), report.personsConsidered(),
                report.alreadyDesignated(), report.rows().stream().limit(GAPS).toList());
    }

    private String regime(String asked) {
        List<Regime> all = regimes.all();
        return asked != null && all.stream().anyMatch(r -> r.id().equals(asked)) ? asked
                : all.stream().map(Regime::id).sorted().findFirst().orElseThrow();
    }

    /** The gap report's section: loaded after the page (htmx), or as a page of its own without JavaScript. */
    @Secured(Roles.VIEWER)
    @Get("/home/gaps")
    ModelAndView<HomeView> gapsSection(Authentication who, @QueryValue @Nullable String regime, HttpRequest<?> request) {
        String chosen = regime(regime);
        HomeView view = new HomeView(Chrome.of(who, "home"), HomeView.Activity.NONE,
                new HomeView.Gaps(regimes.all(), chosen, topGaps(who, chosen)), List.of(), HomeView.Protection.NONE, List.of());
        return new ModelAndView<>(request.getHeaders().contains("HX-Request") ? "home/gapsSection" : "home/gaps", view);
    }

    @Secured(Roles.VIEWER)
    @Get("/")
    ModelAndView<HomeView> home(Authentication who, @QueryValue @Nullable String regime) {
        return new ModelAndView<>("home/home", view(who, regime, List.of()));
    }

    /** A holder restores an account's free-text writing, with a reason; back home, or home with the error at its field. */
    @Secured(Roles.WITNESS_PROTECTION)
    @Post(value = "/protection/{username}/restore", consumes = MediaType.ALL)
    HttpResponse<?> restore(@PathVariable String username, @Body @Nullable String body, Authentication who) {
        Form form = Form.parse(body);
        try {
            protectedNames.restore(who.getName(), username, form.get("reason"));
            return FormAnswers.shown("/#refusals");
        } catch (Refusal e) {
            // each account has its own reason field on the home page; what is not about the reason is said at the list's heading
            return FormAnswers.again("home/home", view(who, null, FormAnswers.errors(e, f -> f == null ? "username" : f,
                    f -> f.equals("reason") ? "reason-" + username : "refusals-h")));
        }
    }

    private HomeView view(Authentication who, @Nullable String regime, List<FieldError> errors) {
        Chrome chrome = Chrome.of(who, "home");
        List<Regime> all = regimes.all();
        String chosen = regime(regime);
        // the gaps are shown at once when the report for this position is kept; otherwise the section loads after the page
        GapReport.Report top = gaps.ifKept(access.scope(who), chosen, null).map(HomePages::top).orElse(null);
        List<Dossier> latest = chrome.counsel()
                ? dossiers.list(null).stream().sorted(Comparator.comparing(Dossier::generatedAt).reversed()).limit(5).toList()
                : List.of();
        HomeView.Protection protection = chrome.grant()
                ? new HomeView.Protection(protectedNames.refusals(), copies.recent()) : HomeView.Protection.NONE;
        return new HomeView(chrome, new HomeView.Activity(cases.list(access.scope(who), false, "open", 0, 10), changes(who, chrome.grant()), status()),
                new HomeView.Gaps(all, chosen, top), latest, protection, errors);
    }

    /** The latest changes in the reader's cases (of the last few hundred entries of the journal). */
    private List<HomeView.Change> changes(Authentication who, boolean holdsGrant) {
        Set<String> recordKinds = new HashSet<>();
        model.types().forEach(t -> recordKinds.add(Links.slug(t)));
        return shown.ofReader(journal.latest(CHANGES * 20), who.getName(), who.getRoles(), holdsGrant).stream().limit(CHANGES).map(e -> {
            int dot = e.kind().indexOf('.');
            String type = dot > 0 ? e.kind().substring(0, dot) : "";
            return new HomeView.Change(e.seq(), Dates.moment(e.recordedAt()), e.actor(), e.kind(), e.targetId(),
                    recordKinds.contains(type) && !e.targetId().equals(ShownEntries.WITHHELD_TARGET)
                            ? Links.record(type, e.targetId()) : null);
        }).toList();
    }

    private HomeView.Status status() {
        StoreStatus.Now now = stores.now();
        GraphCheck.Report last = now.lastCheck();
        return new HomeView.Status(now.head(), now.projected(), now.lag(), now.rebuilding(), now.problem(),
                last == null ? null : last.status(), last == null ? null : last.checkedAt());
    }
}
