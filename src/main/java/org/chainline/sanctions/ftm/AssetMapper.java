package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.followthemoney.entity.ValueEntity;

import java.util.List;

import static org.chainline.sanctions.ftm.FtmValues.add;
import static org.chainline.sanctions.ftm.FtmValues.country;
import static org.chainline.sanctions.ftm.FtmValues.first;
import static org.chainline.sanctions.ftm.FtmValues.id;
import static org.chainline.sanctions.ftm.FtmValues.lower;
import static org.chainline.sanctions.ftm.FtmValues.put;
import static org.chainline.sanctions.ftm.FtmValues.record;
import static org.chainline.sanctions.ftm.FtmValues.text;

/**
 * What a subject may own, direct or hide behind, and FtM: Company (its legal form as {@code kind}), RealEstate,
 * Vehicle, Vessel and Airplane (as a Vehicle of kind car, vessel or aircraft), BankAccount.
 */
final class AssetMapper {

    /** The FtM schemata read in as these things (an FtM Organization or PublicBody is a unit). */
    static final List<String> SCHEMATA = List.of("Company", "RealEstate", "Vehicle", "Vessel", "Airplane", "BankAccount");

    private static final List<String> COMPANY_KINDS = List.of("company", "foundation", "trust", "association");

    private AssetMapper() {
    }

    static void in(ValueEntity e, FtmIn in) {
        String schema = e.getSchema().getName();
        String name = first(e, "name");
        switch (schema) {
            case "Company" -> {
                if (name == null) {
                    in.skip("Company without a name");
                    return;
                }
                ObjectNode c = record("Company", e.getId()).put("name", name);
                String form = lower(first(e, "legalForm"));
                c.put("kind", form != null && COMPANY_KINDS.contains(form) ? form : form == null ? "company" : "other");
                put(c, "country", country(first(e, "jurisdiction", "country")));
                put(c, "registrationNumber", first(e, "registrationNumber"));
                put(c, "address", first(e, "address"));
                in.thing(e, "Company", c);
            }
            case "RealEstate" -> {
                String where = country(first(e, "country"));
                if (where == null) {
                    in.skip("RealEstate without a country");
                    return;
                }
                ObjectNode r = record("RealEstate", e.getId()).put("name", name != null ? name
                        : first(e, "address") != null ? first(e, "address") : e.getId()).put("country", where);
                put(r, "propertyType", first(e, "propertyType"));
                put(r, "address", first(e, "address"));
                put(r, "registrationNumber", first(e, "registrationNumber", "titleNumber", "cadastralCode"));
                in.thing(e, "RealEstate", r);
            }
            case "BankAccount" -> {
                String where = country(first(e, "country"));
                String bank = first(e, "bankName", "name");
                if (where == null || bank == null) {
                    in.skip("BankAccount without a bank or a country");
                    return;
                }
                ObjectNode b = record("BankAccount", e.getId()).put("bankName", bank).put("country", where);
                put(b, "accountNumber", first(e, "accountNumber"));
                put(b, "iban", first(e, "iban"));
                in.thing(e, "BankAccount", b);
            }
            default -> { // Vehicle, Vessel, Airplane
                if (name == null) {
                    in.skip(schema + " without a name");
                    return;
                }
                ObjectNode v = record("Vehicle", e.getId()).put("name", name).put("kind", switch (schema) {
                    case "Vessel" -> "vessel";
                    case "Airplane" -> "aircraft";
                    default -> "car".equalsIgnoreCase(first(e, "type")) ? "car" : "other";
                });
                put(v, "registrationNumber", first(e, "registrationNumber"));
                put(v, "imoNumber", first(e, "imoNumber"));
                put(v, "country", country(first(e, "flag", "country")));
                in.thing(e, "Vehicle", v);
            }
        }
    }

    static void out(String type, JsonNode r, FtmOut out) {
        ValueEntity e;
        switch (type) {
            case "Company" -> {
                e = out.entity(id(r), "Company");
                add(e, "name", text(r, "name"));
                add(e, "legalForm", text(r, "kind"));
                add(e, "jurisdiction", lower(text(r, "country")));
                add(e, "registrationNumber", text(r, "registrationNumber"));
                add(e, "address", text(r, "address"));
            }
            case "RealEstate" -> {
                e = out.entity(id(r), "RealEstate");
                add(e, "name", text(r, "name"));
                add(e, "propertyType", text(r, "propertyType"));
                add(e, "address", text(r, "address"));
                add(e, "country", lower(text(r, "country")));
                add(e, "registrationNumber", text(r, "registrationNumber"));
            }
            case "BankAccount" -> {
                e = out.entity(id(r), "BankAccount");
                add(e, "name", text(r, "bankName"));
                add(e, "bankName", text(r, "bankName"));
                add(e, "accountNumber", text(r, "accountNumber"));
                add(e, "iban", text(r, "iban"));
                add(e, "country", lower(text(r, "country")));
            }
            default -> {
                String kind = r.path("kind").asText();
                e = out.entity(id(r), kind.equals("vessel") ? "Vessel" : kind.equals("aircraft") ? "Airplane" : "Vehicle");
                add(e, "name", text(r, "name"));
                add(e, "registrationNumber", text(r, "registrationNumber"));
                if (kind.equals("vessel")) {
                    add(e, "imoNumber", text(r, "imoNumber"));
                    add(e, "flag", lower(text(r, "country")));
                } else {
                    add(e, "country", lower(text(r, "country")));
                }
                if (kind.equals("car")) {
                    add(e, "type", "car");
                }
            }
        }
        out.emit(e);
        out.exported.add(id(r));
    }
}
