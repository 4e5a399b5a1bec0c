package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.Json;
import org.chainline.registry.model.Model;
import org.junit.jupiter.api.Test;
import tech.followthemoney.entity.ValueEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FtM mapping and the model agree: every value of the vocabularies it maps goes out to FtM and comes back as
 * itself, and every value the mapping writes of its own accord is one the model allows. A vocabulary value added to
 * the model without a way through FtM, or a default the model no longer has, fails here.
 */
class FtmVocabularyTest {

    private static final Model MODEL = Model.load();
    private static final FtmVocabulary VOCABULARY = FtmVocabulary.of(MODEL);
    private static final tech.followthemoney.model.Model FTM = ftm();

    private static tech.followthemoney.model.Model ftm() {
        try {
            return tech.followthemoney.model.Model.loadDefault();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> values(String type, String property) {
        return MODEL.type(type).orElseThrow().property(property).orElseThrow().values();
    }

    /** Exports {@code records} (in the export's order of types) and imports the entities back. */
    private static FtmIn roundTrip(List<ObjectNode> records) {
        Map<String, ValueEntity> entities = new LinkedHashMap<>();
        FtmOut out = new FtmOut(FTM, VOCABULARY, e -> entities.put(e.getId(), e));
        for (ObjectNode r : records) {
            switch (r.path("type").asText()) {
                case "Person" -> PersonMapper.out(r, out);
                case "Unit" -> UnitMapper.out(r, out);
                case "Posting" -> PostingMapper.out(r, out);
                case "UnitRelation" -> UnitRelationMapper.out(r, out);
                case "Incident" -> IncidentMapper.out(r, List.of(), out);
                case "Involvement" -> InvolvementMapper.out(r, out);
                default -> throw new IllegalArgumentException(r.toString());
            }
        }
        FtmIn in = new FtmIn(entities, "ev-1", VOCABULARY);
        for (ValueEntity e : entities.values()) {
            switch (e.getSchema().getName()) {
                case "Person" -> PersonMapper.in(e, in);
                case "Organization", "PublicBody" -> UnitMapper.in(e, in);
                default -> { }
            }
        }
        for (ValueEntity e : entities.values()) {
            switch (e.getSchema().getName()) {
                case "Event" -> IncidentMapper.in(e, in);
                default -> { }
            }
        }
        for (ValueEntity e : entities.values()) {
            switch (e.getSchema().getName()) {
                case "Membership" -> {
                    String member = FtmValues.first(e, "member");
                    String org = FtmValues.first(e, "organization");
                    if (in.is(member, "Person")) {
                        PostingMapper.fromMembership(e, member, org, in);
                    } else {
                        UnitRelationMapper.fromMembership(e, member, org, in);
                    }
                }
                case "Occupancy" -> PostingMapper.fromOccupancy(e, in);
                case "UnknownLink" -> InvolvementMapper.in(e, in);
                default -> { }
            }
        }
        return in;
    }

    private static ObjectNode record(String type, String id) {
        return Json.MAPPER.createObjectNode().put("type", type).put("id", id);
    }

    private static ObjectNode unit(String id, String classification) {
        ObjectNode u = record("Unit", id).put("classification", classification).put("country", "xq");
        u.set("names", Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("value", "Unit " + id).put("kind", "primary")));
        return u;
    }

    private static ObjectNode person(String id) {
        ObjectNode p = record("Person", id);
        p.set("names", Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("value", "Person " + id).put("kind", "primary")));
        return p;
    }

    private static String field(FtmIn in, String type, String id, String field) {
        return in.records.stream().filter(r -> r.path("type").asText().equals(type) && r.path("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + id + " came back: " + in.records + in.skipped))
                .path(field).asText(null);
    }

    @Test
    void everyUnitClassificationComesBackAsItself() {
        List<ObjectNode> units = new ArrayList<>();
        for (String c : values("Unit", "classification")) {
            units.add(unit("u-" + c, c));
        }
        FtmIn in = roundTrip(units);
        for (String c : values("Unit", "classification")) {
            assertEquals(c, field(in, "Unit", "u-" + c, "classification"));
        }
    }

    @Test
    void everyPostingRoleComesBackAsItselfWithoutAnInventedTitle() {
        List<ObjectNode> records = new ArrayList<>(List.of(person("p-1"), unit("u-1", "police")));
        for (String role : values("Posting", "role")) {
            records.add(record("Posting", "post-" + role).put("person", "p-1").put("unit", "u-1").put("role", role));
        }
        FtmIn in = roundTrip(records);
        for (String role : values("Posting", "role")) {
            assertEquals(role, field(in, "Posting", "post-" + role, "role"));
            assertNull(field(in, "Posting", "post-" + role, "title"), role + " came back with a title");
        }
    }

    @Test
    void everyUnitRelationAndInvolvementRoleComesBackAsItself() {
        List<ObjectNode> records = new ArrayList<>(List.of(unit("u-a", "police"), unit("u-b", "ministry"), person("p-1")));
        ObjectNode incident = record("Incident", "i-1").put("title", "Incident").put("start", "2025-03-06");
        incident.set("violations", Json.MAPPER.createArrayNode().add(values("Incident", "violations").getFirst()));
        records.add(incident);
        for (String relation : values("UnitRelation", "relation")) {
            records.add(record("UnitRelation", "rel-" + relation).put("unit", "u-a").put("superior", "u-b").put("relation", relation));
        }
        for (String role : values("Involvement", "role")) {
            records.add(record("Involvement", "inv-" + role).put("actor", "p-1").put("incident", "i-1").put("role", role));
        }
        FtmIn in = roundTrip(records);
        for (String relation : values("UnitRelation", "relation")) {
            assertEquals(relation, field(in, "UnitRelation", "rel-" + relation, "relation"));
        }
        for (String role : values("Involvement", "role")) {
            assertEquals(role, field(in, "Involvement", "inv-" + role, "role"));
        }
    }

    @Test
    void everyValueTheMappingWritesOfItsOwnAccordIsOneTheModelAllows() {
        assertTrue(values("Unit", "classification").contains(FtmVocabulary.NON_STATE));
        assertTrue(values("Unit", "classification").contains("government"), "a PublicBody's classification");
        assertTrue(values("Posting", "role").contains(FtmVocabulary.MEMBER));
        assertTrue(values("Posting", "role").containsAll(List.of("deputy-commander", "chief-of-staff", "commander", "minister", "head")),
                "the roles read from a position's words");
        assertTrue(values("UnitRelation", "relation").contains("member-of"), "the relation of a Membership with another role");
        assertTrue(values("Sanction", "status").containsAll(List.of("active", "delisted")));
        assertTrue(values("Sanction", "basis").contains("dataset"));
    }
}
