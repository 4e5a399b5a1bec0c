package org.chainline.workspace.dossiers;

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
import org.chainline.dossier.Dossier;
import org.chainline.dossier.DossierJobs;
import org.chainline.dossier.Dossiers;
import org.chainline.refusal.Refusal;
import org.chainline.regime.Regimes;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;

import java.util.Comparator;
import java.util.List;

/**
 * Counsel's dossier builder: subject, regime and audience; the job's progress followed live (it runs on whichever
 * instance takes it); the result with its hash and version, its earlier versions, the download, the regeneration check.
 */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class DossierPages {

    private final Dossiers dossiers;
    private final DossierJobs jobs;
    private final Regimes regimes;

    DossierPages(Dossiers dossiers, DossierJobs jobs, Regimes regimes) {
        this.dossiers = dossiers;
        this.jobs = jobs;
        this.regimes = regimes;
    }

    private DossierView view(Authentication who, String subject, String regime, String audience, List<FieldError> errors,
                             DossierJobs.Job job, Dossier dossier, String check) {
        return view(who, subject, regime, audience, "", errors, job, dossier, check);
    }

    private DossierView view(Authentication who, String subject, String regime, String audience, String annex,
                             List<FieldError> errors, DossierJobs.Job job, Dossier dossier, String check) {
        List<Dossier> versions = dossier == null ? List.of() : dossiers.list(dossier.subject()).stream()
                .filter(d -> d.regime().equals(dossier.regime()) && d.audience().equals(dossier.audience()))
                .sorted(Comparator.comparingInt(Dossier::version).reversed()).toList();
        List<Dossier> latest = job == null && dossier == null
                ? dossiers.list(null).stream().sorted(Comparator.comparing(Dossier::generatedAt).reversed()).limit(20).toList()
                : List.of();
        DossierView.Order order = new DossierView.Order(subject == null ? "" : subject,
                regime == null ? regimes.all().getFirst().id() : regime, audience == null ? "government-confidential" : audience,
                annex, regimes.all(), Regimes.AUDIENCES);
        return new DossierView(Chrome.of(who, "dossiers"), order, errors, job,
                dossier == null ? null : new DossierView.Shown(dossier, versions, check), latest);
    }

    @Secured(Roles.COUNSEL)
    @Get("/dossiers")
    ModelAndView<DossierView> builder(@QueryValue @Nullable String subject, Authentication who) {
        return new ModelAndView<>("dossiers/dossiers", view(who, subject, null, null, List.of(), null, null, null));
    }

    @Secured(Roles.COUNSEL)
    @Post(value = "/dossiers", consumes = MediaType.ALL)
    HttpResponse<?> order(@Body @Nullable String body, Authentication who) {
        Form form = Form.parse(body);
        String subject = form.get("subject", "").strip();
        String regime = form.get("regime");
        String audience = form.get("audience");
        boolean draft = "yes".equals(form.get("draft"));
        String annex = form.get("annex", "").strip();
        try {
            Dossiers.Order order = dossiers.check(subject, regime, audience, draft,
                    annex.isEmpty() ? List.of() : List.of(annex.split("[\\s,]+")), who.getRoles().contains(Roles.WITNESS_PROTECTION));
            DossierJobs.Job job = jobs.submit(who.getName(), order);
            return FormAnswers.shown("/dossiers/jobs/" + job.id());
        } catch (Refusal e) {
            return FormAnswers.again("dossiers/dossiers", view(who, subject, regime, audience, annex, FormAnswers.errors(e, "subject"),
                    null, null, null));
        }
    }

    /** The job, followed: the page polls its own fragment (htmx) until the job is done or failed. */
    @Secured(Roles.COUNSEL)
    @Get("/dossiers/jobs/{id}")
    ModelAndView<DossierView> job(@PathVariable String id, HttpRequest<?> request, Authentication who) {
        DossierJobs.Job job = jobs.get(id);
        DossierView view = view(who, job.subject(), job.regime(), job.audience(), List.of(), job, job.dossier(), null);
        return new ModelAndView<>(request.getHeaders().contains("HX-Request") ? "dossiers/job" : "dossiers/dossiers", view);
    }

    @Secured(Roles.COUNSEL)
    @Get("/dossiers/{id}")
    ModelAndView<DossierView> dossier(@PathVariable String id, @QueryValue @Nullable String done, Authentication who) {
        Dossier d = dossiers.get(id);
        return new ModelAndView<>("dossiers/dossiers", view(who, d.subject(), d.regime(), d.audience(), List.of(), null, d,
                doneMessage(d, done, who.getName())));
    }

    /**
     * What an approval or a check just did, in the application's words, from its code ({@code approved},
     * {@code same:<sha256>}, {@code differs:<sha256>}) and the dossier as it stands; anything else in the link is not
     * shown, so that nobody can send a link that makes the page say what they like.
     */
    static String doneMessage(Dossier d, @Nullable String code, String reader) {
        if (code == null) {
            return null;
        }
        if (code.equals("approved") && d.approved()) {
            return "Approved by " + (d.approval().by().equals(reader) ? "you" : d.approval().by())
                    + ": the PDF to download and submit is the approved one"
                    + (d.approval().signedBy() == null ? "." : ", signed by " + d.approval().signedBy() + ".");
        }
        if (code.matches("same:[0-9a-f]{64}")) {
            return "Drawn again from the content it keeps: byte for byte the same PDF (SHA-256 " + code.substring(5) + ").";
        }
        if (code.matches("differs:[0-9a-f]{64}")) {
            return "Drawn again, the PDF differs (SHA-256 " + code.substring(8) + " against " + d.sha256()
                    + "): see why before relying on it.";
        }
        return null;
    }

    /** A second member of counsel approves the dossier for submission (it is drawn again, and signed where a key is set). */
    @Secured(Roles.COUNSEL)
    @Post(value = "/dossiers/{id}/approve", consumes = MediaType.ALL)
    HttpResponse<?> approve(@PathVariable String id, Authentication who) {
        Dossier d = dossiers.get(id);
        try {
            dossiers.approve(who.getName(), id, who.getRoles().contains(Roles.WITNESS_PROTECTION));
            // to the page that shows it, so that a refresh does not post the approval again
            return FormAnswers.shown("/dossiers/" + id + "?done=approved");
        } catch (Refusal e) {
            // the approval has no field: its refusal is said where the button is, in the refusal's own words
            return FormAnswers.again("dossiers/dossiers", view(who, d.subject(), d.regime(), d.audience(),
                    List.of(new FieldError("approve", e.getMessage())), null, d, null));
        }
    }

    @Secured(Roles.COUNSEL)
    @Post(value = "/dossiers/{id}/regenerate", consumes = MediaType.ALL)
    HttpResponse<?> regenerate(@PathVariable String id) {
        Dossiers.Regenerated r = dossiers.regenerate(id);
        return FormAnswers.shown("/dossiers/" + id + "?done=" + (r.identical() ? "same:" : "differs:") + r.sha256());
    }
}
