package org.chainline.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;

import java.util.ArrayList;
import java.util.List;

@Controller("/api")
@Tag(name = "Journal")
class JournalController {

    private final Journal journal;
    private final JournalVerifier verifier;
    private final Projector projector;
    private final JournalAnchors anchors;

    private final GraphCheck check;

    private final ShownEntries shown;

    JournalController(Journal journal, JournalVerifier verifier, Projector projector, JournalAnchors anchors, GraphCheck check,
                      ShownEntries shown) {
        this.shown = shown;
        this.check = check;
        this.anchors = anchors;
        this.journal = journal;
        this.verifier = verifier;
        this.projector = projector;
    }

    @Operation(summary = "Journal entries after a position, oldest first (at most 1000): those of your cases whole, every other as its position and hashes only")
    @Secured(Roles.COUNSEL)
    @Get("/journal")
    List<JournalEntry> entries(@QueryValue(defaultValue = "0") long after, @QueryValue(defaultValue = "100") int limit,
                               Authentication who) {
        if (after < 0) {
            throw new InvalidInput("after", "must be 0 or a journal position");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInput("limit", "must be between 1 and 1000");
        }
        return shown.shownTo(journal.after(after, limit), who.getName(), who.getRoles(),
                who.getRoles().contains(Roles.WITNESS_PROTECTION));
    }

    @Operation(summary = "Re-check the journal's hash chain; reports the first broken entry")
    @Secured({Roles.COUNSEL, Roles.ADMIN})
    @Get("/journal/verify")
    JournalVerification verify() {
        return verifier.verify();
    }

    @Operation(summary = "Re-check the chain against its anchors and those given: {\"anchors\": [{\"seq\": 812, \"hash\": \"…\"}]}")
    @Secured({Roles.COUNSEL, Roles.ADMIN})
    @Post("/journal/verify")
    JournalVerification verifyAgainst(@Body @Nullable String body) {
        JsonNode json = JsonBody.object(body);
        JsonNode list = json.get("anchors");
        if (list == null || !list.isArray() || list.size() > 1000) {
            throw new InvalidInput("anchors", "must be a list of at most 1000 {seq, hash}");
        }
        List<JournalAnchors.Anchor> given = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            if (!a.path("seq").canConvertToLong() || !a.path("seq").isIntegralNumber() || !a.path("hash").isTextual()) {
                throw new InvalidInput("anchors[" + i + "]", "must be {\"seq\": a position, \"hash\": its SHA-256}");
            }
            given.add(JournalAnchors.Anchor.given(a.get("seq").asLong(), a.get("hash").asText(), "given anchor " + (i + 1)));
        }
        return verifier.verify(given);
    }

    @Operation(summary = "Have the configured RFC 3161 authority sign the journal's head; the token becomes an anchor")
    @Secured(Roles.ADMIN)
    @Post("/journal/timestamp")
    JournalAnchors.Stamped timestamp(Authentication who) {
        return anchors.timestampHead(who.getName());
    }

    @Operation(summary = "Empty the graph and replay the whole journal into it")
    @Secured(Roles.ADMIN)
    @Post("/graph/rebuild")
    Rebuilt rebuild() {
        int applied = projector.rebuild();
        return new Rebuilt(applied, projector.position(), check.check());
    }

    @Operation(summary = "Compare the graph with what the journal implies (nodes by label, relationships by type, repeated"
            + " relationships); the result is kept and shown by /health")
    @Secured({Roles.COUNSEL, Roles.ADMIN})
    @Post("/graph/check")
    GraphCheck.Report check() {
        return check.check();
    }

    @Operation(summary = "The last graph check's result, by whichever instance ran it (404 if none ran yet)")
    @Secured({Roles.COUNSEL, Roles.ADMIN})
    @Get("/graph/check")
    GraphCheck.Report lastCheck() {
        return check.last().orElseThrow(() -> new NotFound("graph check", "last"));
    }

    /** What a rebuild did: entries replayed, the graph's position afterwards, and the check run after it. */
    @Serdeable
    record Rebuilt(int entriesReplayed, long position, GraphCheck.Report check) {
    }
}
