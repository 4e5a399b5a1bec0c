package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.input.Json;
import org.chainline.registry.Records;
import org.chainline.registry.model.RecordType;
import tech.followthemoney.model.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph as FollowTheMoney entities (JSON lines), built with FtM's own Java model so that every schema and property
 * name is FtM's: Person; Unit as PublicBody (state units) or Organization (non-state); a Posting as Membership (role
 * member) or as Occupancy of a Position (command and staff roles, the Position named after the role and the unit);
 * UnitRelation as Membership of one organisation in another (role child-of, member-of, under-operational-control-of);
 * Incident as Event (violations as keywords, involved actors); Involvement as UnknownLink (role); evidence items with a
 * SHA-256 as Document, Video or Image ({@code contentHash}); each citation as Documentation; Sanction as Sanction;
 * companies, real estate, vehicles, bank accounts and the claims about them as {@link AssetMapper} and
 * {@link HoldingMapper} say.
 *
 * <p>What never leaves: sources and victims (whose identities are protected), protected evidence, the sealed values of
 * any record, analysts' notes and the text of messages. Restricted evidence leaves only when asked for
 * ({@code restricted}); its file names and titles then go too.
 */
@Singleton
public class FtmExport {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "FtM export");


    private final Records records;
    private final Model ftm;
    private final FtmVocabulary vocabulary;

    FtmExport(Records records, Model ftm) {
        this.records = records;
        this.ftm = ftm;
        this.vocabulary = FtmVocabulary.of(records.model());
    }

    /** How many entities of each schema were written. */
    public record Summary(Map<String, Integer> schemata) {
    }

    public Summary write(Writer out, boolean includeRestricted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        FtmOut to = new FtmOut(ftm, vocabulary, e -> {
            try {
                out.write(Json.MAPPER.writeValueAsString(e.toValueJson()));
                out.write('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            counts.merge(e.getSchema().getName(), 1, Integer::sum);
        });
        all("Person").forEach(p -> PersonMapper.out(p, to));
        all("Unit").forEach(u -> UnitMapper.out(u, to));
        for (String thing : List.of("Company", "RealEstate", "Vehicle", "BankAccount")) {
            all(thing).forEach(r -> AssetMapper.out(thing, r, to));
        }
        all("Posting").forEach(p -> PostingMapper.out(p, to));
        all("UnitRelation").forEach(r -> UnitRelationMapper.out(r, to));
        List<JsonNode> involvements = all("Involvement");
        Map<String, List<String>> involved = new HashMap<>();
        for (JsonNode inv : involvements) {
            involved.computeIfAbsent(inv.path("incident").asText(), k -> new ArrayList<>()).add(inv.path("actor").asText());
        }
        all("Incident").forEach(i -> IncidentMapper.out(i, involved.getOrDefault(FtmValues.id(i), List.of()), to));
        involvements.forEach(i -> InvolvementMapper.out(i, to));
        all("Evidence").forEach(ev -> EvidenceMapper.out(ev, includeRestricted, to));
        all("Sanction").forEach(s -> SanctionMapper.out(s, to));
        for (String claim : List.of("Ownership", "Directorship", "Family", "Associate", "Residence", "Travel")) {
            all(claim).forEach(c -> HoldingMapper.out(claim, c, to));
        }
        for (String claimType : CitationMapper.CLAIMS) {
            all(claimType).forEach(claim -> CitationMapper.out(claimType, claim, to));
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(counts);
    }

    private List<JsonNode> all(String typeName) {
        RecordType type = records.model().type(typeName).orElseThrow();
        List<JsonNode> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<ObjectNode> page = records.list(UNBOUNDED, type, null, false, offset, 500);
            out.addAll(page);
            if (page.size() < 500) {
                return out;
            }
            offset += 500;
        }
    }
}
