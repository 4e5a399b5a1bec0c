package org.chainline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Random;

/**
 * Writes a synthetic but realistically shaped case in the import format: unit trees (ministry → commands →
 * regiments → battalions → companies → platoons), commanders who hand over mid-period, members, temporary
 * operational control, incidents by units and persons, orders, knowledge, and evidence from graded sources with
 * forwarded copies. About 2.9 records per person; deterministic for a seed. Entirely fictional.
 */
public final class SyntheticCase {

    private static final String[] GIVEN = {"Arman", "Bolat", "Dana", "Erlan", "Gulnar", "Kairat", "Marat", "Nurlan",
            "Saule", "Timur", "Aigerim", "Daulet", "Asel", "Ruslan", "Zhanar", "Yerbol"};
    private static final String[] FAMILY = {"Abenov", "Baimukhanov", "Dosov", "Ermekov", "Iskakov", "Kaliev", "Mukanov",
            "Nurov", "Omarov", "Sadykov", "Tokayev", "Umarov", "Zhaksylykov", "Amanov", "Bekov", "Serikov"};
    private static final String[] CLASSES = {"national-guard", "police", "riot-police", "military", "special-forces"};
    private static final String[] VIOLATIONS = {"extrajudicial-killing", "torture", "arbitrary-detention",
            "enforced-disappearance", "unlawful-force-against-protesters"};
    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final int DAYS = 5 * 365;

    private final Random random;
    private final int persons;

    public SyntheticCase(long seed, int persons) {
        this.random = new Random(seed);
        this.persons = persons;
    }

    /** A case of about {@code nodes} records in all. */
    public static SyntheticCase ofNodes(long seed, int nodes) {
        return new SyntheticCase(seed, Math.max(20, (int) Math.round(nodes / 2.9)));
    }

    public int persons() {
        return persons;
    }

    /** Writes the case and answers the number of lines (records). */
    public long write(Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
             JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(new SerializedString("\n"));
            return new Writing(json).all();
        }
    }

    private final class Writing {
        private final JsonGenerator json;
        private long lines;

        Writing(JsonGenerator json) {
            this.json = json;
        }

        long all() throws IOException {
            int units = Math.max(6, persons / 5);
            int sources = Math.max(2, persons / 50);
            int evidence = Math.max(4, persons / 5);
            int incidents = Math.max(2, persons / 10);
            int orders = Math.max(1, persons / 50);
            for (int s = 0; s < sources; s++) {
                begin("Source", "s-" + s);
                json.writeStringField("pseudonym", "S-" + s);
                json.writeStringField("kind", s % 3 == 0 ? "witness" : "channel");
                json.writeStringField("reliability", String.valueOf("ABCDF".charAt(random.nextInt(5))));
                end();
            }
            int[] parent = new int[units];
            for (int u = 0; u < units; u++) {
                // a forest of trees of 3,906 units: a ministry, then five levels with five units under each
                int base = u / 3906 * 3906;
                int local = u - base;
                parent[u] = local == 0 ? -1 : base + (local - 1) / 5;
                begin("Unit", "u-" + u);
                json.writeArrayFieldStart("names");
                json.writeStartObject();
                json.writeStringField("value", parent[u] < 0 ? "Ministry " + u : "Unit " + u);
                json.writeEndObject();
                json.writeEndArray();
                json.writeStringField("classification", parent[u] < 0 ? "ministry" : CLASSES[u % CLASSES.length]);
                json.writeStringField("country", "XS");
                end();
            }
            for (int e = 0; e < evidence; e++) {
                begin("Evidence", "e-" + e);
                boolean forward = e > 0 && random.nextInt(10) == 0;
                json.writeStringField("kind", forward || random.nextBoolean() ? "telegram-message" : "testimony");
                json.writeStringField("title", "Item " + e);
                json.writeStringField("sha256", sha(forward ? e - 1 : e));
                json.writeStringField("source", "s-" + random.nextInt(sources));
                json.writeNumberField("credibility", 1 + random.nextInt(6));
                end();
            }
            for (int p = 0; p < persons; p++) {
                begin("Person", "p-" + p);
                json.writeArrayFieldStart("names");
                json.writeStartObject();
                json.writeStringField("value", GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)] + " " + p);
                json.writeEndObject();
                json.writeEndArray();
                json.writeStringField("birthDate", String.valueOf(1955 + random.nextInt(45)));
                end();
            }
            for (int u = 0; u < units; u++) {
                if (parent[u] >= 0) {
                    begin("UnitRelation", "ur-" + u);
                    json.writeStringField("unit", "u-" + u);
                    json.writeStringField("superior", "u-" + parent[u]);
                    json.writeStringField("relation", "child-of");
                    json.writeStringField("start", "2015");
                    cite(evidence);
                    end();
                }
                if (u > 0 && random.nextInt(20) == 0) {
                    LocalDate from = day();
                    begin("UnitRelation", "uro-" + u);
                    json.writeStringField("unit", "u-" + u);
                    json.writeStringField("superior", "u-" + random.nextInt(u));
                    json.writeStringField("relation", "under-operational-control-of");
                    json.writeStringField("start", from.toString());
                    json.writeStringField("end", from.plusDays(7).toString());
                    cite(evidence);
                    end();
                }
            }
            int person = 0;
            for (int u = 0; u < units; u++) {
                LocalDate handover = day();
                posting("pc-" + u + "a", person++ % persons, u, "commander", "2019", handover.toString(), evidence);
                posting("pc-" + u + "b", person++ % persons, u, "commander", handover.toString(), null, evidence);
            }
            for (; person < persons; person++) {
                posting("pm-" + person, person, random.nextInt(units), random.nextInt(4) == 0 ? "deputy-commander" : "member",
                        String.valueOf(2016 + random.nextInt(6)), null, evidence);
            }
            for (int i = 0; i < incidents; i++) {
                begin("Incident", "i-" + i);
                json.writeStringField("title", "Incident " + i);
                json.writeArrayFieldStart("violations");
                json.writeString(VIOLATIONS[random.nextInt(VIOLATIONS.length)]);
                json.writeEndArray();
                json.writeStringField("start", random.nextInt(10) == 0 ? day().toString().substring(0, 7) : day().toString());
                json.writeStringField("investigation", random.nextBoolean() ? "none" : "ongoing");
                end();
                involvement("iu-" + i, "u-" + (units / 2 + random.nextInt(units - units / 2)), i, "perpetrated", evidence);
                if (random.nextInt(10) < 3) {
                    involvement("ip-" + i, "p-" + random.nextInt(persons), i, "present", evidence);
                }
                if (random.nextInt(10) == 0) {
                    begin("Knowledge", "k-" + i);
                    json.writeStringField("person", "p-" + random.nextInt(persons));
                    json.writeStringField("incident", "i-" + i);
                    json.writeStringField("basis", "media-coverage");
                    cite(evidence);
                    end();
                }
            }
            for (int o = 0; o < orders; o++) {
                begin("Order", "o-" + o);
                json.writeStringField("title", "Order " + o);
                json.writeStringField("date", day().toString());
                json.writeStringField("form", "written");
                end();
                int unit = random.nextInt(units);
                begin("Issuance", "is-" + o);
                json.writeStringField("issuer", "p-" + (2 * unit + 1) % persons);
                json.writeStringField("order", "o-" + o);
                json.writeArrayFieldStart("recipients");
                json.writeString("u-" + unit);
                json.writeEndArray();
                if (random.nextBoolean()) {
                    json.writeArrayFieldStart("incidents");
                    json.writeString("i-" + random.nextInt(incidents));
                    json.writeEndArray();
                }
                cite(evidence);
                end();
            }
            return lines;
        }

        private void posting(String id, int person, int unit, String role, String start, String end, int evidence) throws IOException {
            begin("Posting", id);
            json.writeStringField("person", "p-" + person);
            json.writeStringField("unit", "u-" + unit);
            json.writeStringField("role", role);
            json.writeStringField("start", start);
            if (end != null) {
                json.writeStringField("end", end);
            }
            cite(evidence);
            end();
        }

        private void involvement(String id, String actor, int incident, String role, int evidence) throws IOException {
            begin("Involvement", id);
            json.writeStringField("actor", actor);
            json.writeStringField("incident", "i-" + incident);
            json.writeStringField("role", role);
            cite(evidence);
            end();
        }

        private void cite(int evidence) throws IOException {
            json.writeArrayFieldStart("citations");
            int n = 1 + random.nextInt(3);
            int first = random.nextInt(evidence);
            for (int c = 0; c < n; c++) {
                json.writeStartObject();
                json.writeStringField("evidence", "e-" + (first + c) % evidence);
                if (random.nextInt(25) == 0) {
                    json.writeStringField("stance", "contradicts");
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private void begin(String type, String id) throws IOException {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeStringField("id", id);
        }

        private void end() throws IOException {
            json.writeEndObject();
            lines++;
        }

        private LocalDate day() {
            return START.plusDays(random.nextInt(DAYS));
        }

        private String sha(int n) {
            byte[] b = new byte[32];
            new Random(n * 7919L + 17).nextBytes(b);
            return HexFormat.of().formatHex(b);
        }
    }
}
