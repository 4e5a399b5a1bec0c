package org.chainline.workspace.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.access.Roles;
import org.chainline.cases.Case;
import org.chainline.cases.CaseAccess;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.cases.Scope;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Refusal;
import org.chainline.registry.Records;
import org.chainline.review.ClaimReviews;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;
import org.chainline.workspace.shell.Links;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The cases room: the reader's cases, one case with its members and what it holds, opening a case, adding and ending members. */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class CasePages {

    private static final List<String> ROLES = Arrays.stream(CaseRole.values()).map(CaseRole::id).toList();

    private final Cases cases;
    private final CaseAccess access;
    private final Records records;
    private final ClaimReviews reviews;

    CasePages(Cases cases, CaseAccess access, Records records, ClaimReviews reviews) {
        this.cases = cases;
        this.access = access;
        this.records = records;
        this.reviews = reviews;
    }

    @Secured({Roles.VIEWER, Roles.ADMIN})
    @Get("/cases")
    ModelAndView<CasesView> list(Authentication who) {
        return new ModelAndView<>("cases/cases", cases(who, CasesView.Opening.EMPTY));
    }

    /** Counsel opens a case and is its first owner: to the case's page, or the list again with the errors at their fields. */
    @Secured(Roles.COUNSEL)
    @Post(value = "/cases", consumes = MediaType.ALL)
    HttpResponse<?> open(@Body @Nullable String body, Authentication who) {
        Form form = Form.parse(body);
        try {
            Case opened = cases.open(who.getName(), form.get("title"), form.get("summary"), form.get("reason"));
            return FormAnswers.shown("/cases/" + Links.encode(opened.id()));
        } catch (Refusal e) {
            return FormAnswers.again("cases/cases", cases(who, new CasesView.Opening(true, form.get("title", ""),
                    form.get("summary", ""), form.get("reason", ""), FormAnswers.errors(e, "f-title"))));
        }
    }

    @Secured({Roles.VIEWER, Roles.ADMIN})
    @Get("/cases/{id}")
    ModelAndView<CaseView> page(@PathVariable String id, Authentication who) {
        return new ModelAndView<>("cases/case", view(who, id, new CaseView.Adding("", CaseRole.VIEWER.id(), "", "", ROLES, List.of())));
    }

    /** An owner (or an administrator) adds a member: back to the case, or the case again with the errors at their fields. */
    @Secured({Roles.COUNSEL, Roles.ADMIN})
    @Post(value = "/cases/{id}/members", consumes = MediaType.ALL)
    HttpResponse<?> add(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        Form form = Form.parse(body);
        try {
            cases.addMember(access.scope(who), administrator(who), id, form.get("account"), form.get("role"), form.get("until"),
                    form.get("reason"));
            return FormAnswers.shown("/cases/" + Links.encode(id) + "#members-h");
        } catch (Refusal e) {
            return FormAnswers.again("cases/case", view(who, id, new CaseView.Adding(form.get("account", ""),
                    form.get("role", CaseRole.VIEWER.id()), form.get("until", ""), form.get("reason", ""), ROLES,
                    FormAnswers.errors(e, f -> f == null ? "account" : f))));
        }
    }

    /** An owner or an administrator ends a membership, or a member their own: back to the case (or the list, on leaving). */
    @Secured({Roles.VIEWER, Roles.ADMIN})
    @Post(value = "/cases/{id}/members/{account}/end", consumes = MediaType.ALL)
    HttpResponse<?> end(@PathVariable String id, @PathVariable String account, @Body @Nullable String body, Authentication who) {
        Form form = Form.parse(body);
        try {
            cases.endMember(access.scope(who), administrator(who), id, account, form.get("reason"));
            return FormAnswers.shown(account.equals(who.getName()) ? "/cases" : "/cases/" + Links.encode(id) + "#members-h");
        } catch (Refusal e) {
            return FormAnswers.again("cases/case", view(who, id, new CaseView.Adding("", CaseRole.VIEWER.id(), "", "", ROLES,
                    FormAnswers.errors(e, f -> "members-h", f -> "members-h"))));
        }
    }

    private CasesView cases(Authentication who, CasesView.Opening opening) {
        boolean administrator = administrator(who);
        List<Case> listed = cases.list(access.scope(who), administrator, null, 0, 500);
        return new CasesView(Chrome.of(who, "cases"), listed, administrator,
                who.getRoles().contains(Roles.COUNSEL) ? opening : new CasesView.Opening(false, "", "", "", List.of()));
    }

    private CaseView view(Authentication who, String id, CaseView.Adding adding) {
        Scope scope = access.scope(who);
        boolean administrator = administrator(who);
        boolean member = scope.sees(id);
        // a member reads the case; an administrator who is not one administers its members and reads nothing else
        Case about = member ? cases.get(scope, id) : cases.list(scope, administrator, null, 0, 500).stream()
                .filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("case", id));
        List<CaseView.Held> holds = member ? records.heldBy(scope, id).entrySet().stream()
                .map(e -> new CaseView.Held(e.getKey(), e.getValue())).toList() : List.of();
        Integer awaiting = member ? reviews.queue(Scope.of(who.getName(), Map.of(id, scope.role(id).orElseThrow())), null,
                who.getName()).size() : null;
        boolean owner = scope.may(id, CaseRole.OWNER);
        CaseView.Powers powers = new CaseView.Powers(owner || administrator && !cases.hasOwner(id), owner || administrator);
        return new CaseView(Chrome.of(who, "cases"), about, member, powers, cases.members(scope, administrator, id), holds,
                awaiting, adding);
    }

    private static boolean administrator(Authentication who) {
        return who.getRoles().contains(Roles.ADMIN);
    }
}
