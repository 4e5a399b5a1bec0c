package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.followthemoney.entity.ValueEntity;

import java.util.List;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.claim;
import static org.chainline.sanctions.ftm.FtmValues.country;
import static org.chainline.sanctions.ftm.FtmValues.dates;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.lower;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.text;

/**
 * The claims a designation's reach rests on, and FtM: Ownership, Directorship, Family and Associate as FtM's
 * schemata of those names; a Residence or Travel as an UnknownLink with role {@code residence} or {@code travel} from
 * the person to an Address (FtM's Trip needs where a journey began, which the record rarely knows).
 */
final class HoldingMapper {

    static final String RESIDENCE = "residence";
    static final String TRAVEL = "travel";
    private static final List<String> OWNERS = List.of("Person", "Company");
    private static final List<String> ASSETS = List.of("Company", "RealEstate", "Vehicle", "BankAccount");

    private HoldingMapper() {
    }

    static void ownership(ValueEntity e, FtmIn in) {
        String owner = first(e, "owner");
        String asset = first(e, "asset");
        if (OWNERS.stream().noneMatch(t -> in.is(owner, t)) || ASSETS.stream().noneMatch(t -> in.is(asset, t))) {
            in.skip("Ownership of something not imported");
            return;
        }
        ObjectNode o = claim("Ownership", e, in.evidence);
        o.put("owner", in.id(owner)).put("asset", in.id(asset));
        String share = first(e, "percentage");
        if (share != null) {
            try {
                double p = Double.parseDouble(share.replace("%", "").strip());
                if (p >= 0 && p <= 100) {
                    o.put("share", p);
                }
            } catch (NumberFormatException ignored) {
                // a share FtM holds as free text ("majority") is not a number the model can hold
            }
        }
        put(o, "ownershipType", first(e, "ownershipType"));
        in.add("Ownership", o);
    }

    static void directorship(ValueEntity e, FtmIn in) {
        String director = first(e, "director");
        String company = first(e, "organization");
        if (!in.is(director, "Person") || !in.is(company, "Company")) {
            in.skip("Directorship of something not imported");
            return;
        }
        ObjectNode d = claim("Directorship", e, in.evidence);
        d.put("director", in.id(director)).put("company", in.id(company));
        put(d, "role", first(e, "role"));
        in.add("Directorship", d);
    }

    /** Family or Associate: two persons and what one is to the other. */
    static void kin(ValueEntity e, FtmIn in, boolean family) {
        String person = first(e, "person");
        String other = first(e, family ? "relative" : "associate");
        if (!in.is(person, "Person") || !in.is(other, "Person")) {
            in.skip(e.getSchema().getName() + " of persons not imported");
            return;
        }
        String type = family ? "Family" : "Associate";
        ObjectNode k = claim(type, e, in.evidence);
        k.put("person", in.id(person)).put(family ? "relative" : "associate", in.id(other));
        String relationship = lower(first(e, "relationship"));
        if (family) {
            k.put("relationship", relationship != null && in.vocabulary.relationships().contains(relationship)
                    ? relationship : "other");
        } else {
            k.put("relationship", relationship == null ? "associate" : first(e, "relationship"));
        }
        in.add(type, k);
    }

    /** An UnknownLink with role residence or travel from a person to an Address; false when the link is not one. */
    static boolean residence(ValueEntity e, FtmIn in) {
        String role = lower(first(e, "role"));
        if (!(RESIDENCE.equals(role) || TRAVEL.equals(role)) || !in.is(first(e, "subject"), "Person")) {
            return false;
        }
        String type = role.equals(RESIDENCE) ? "Residence" : "Travel";
        ValueEntity address = in.entities.get(first(e, "object"));
        String where = address == null ? null : country(first(address, "country"));
        if (where == null) {
            in.skip(role + " at an Address without a country");
            return true;
        }
        ObjectNode r = claim(type, e, in.evidence);
        r.put("person", in.id(first(e, "subject"))).put("country", where);
        put(r, "place", first(address, "full", "city"));
        if (type.equals("Travel")) {
            put(r, "purpose", first(e, "description"));
        }
        in.add(type, r);
        return true;
    }

    static void out(String type, JsonNode c, FtmOut out) {
        ValueEntity e;
        switch (type) {
            case "Ownership" -> {
                e = out.entity(id(c), "Ownership");
                add(e, "owner", text(c, "owner"));
                add(e, "asset", text(c, "asset"));
                if (c.hasNonNull("share")) {
                    double share = c.get("share").asDouble();
                    add(e, "percentage", share == Math.rint(share) ? String.valueOf((long) share) : String.valueOf(share));
                }
                add(e, "ownershipType", text(c, "ownershipType"));
            }
            case "Directorship" -> {
                e = out.entity(id(c), "Directorship");
                add(e, "director", text(c, "director"));
                add(e, "organization", text(c, "company"));
                add(e, "role", text(c, "role"));
            }
            case "Family", "Associate" -> {
                boolean family = type.equals("Family");
                e = out.entity(id(c), type);
                add(e, "person", text(c, "person"));
                add(e, family ? "relative" : "associate", text(c, family ? "relative" : "associate"));
                add(e, "relationship", text(c, "relationship"));
            }
            default -> { // Residence, Travel
                boolean residence = type.equals("Residence");
                ValueEntity address = out.entity("address-" + id(c), "Address");
                add(address, "full", text(c, "place") != null ? text(c, "place") : text(c, "country"));
                add(address, "country", lower(text(c, "country")));
                out.emit(address);
                e = out.entity(id(c), "UnknownLink");
                add(e, "subject", text(c, "person"));
                add(e, "object", "address-" + id(c));
                add(e, "role", residence ? RESIDENCE : TRAVEL);
                add(e, "description", text(c, "purpose"));
            }
        }
        dates(e, c);
        out.emit(e);
        out.exported.add(id(c));
    }
}
