package org.chainline.sanctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chainline.input.Json;
import org.chainline.refusal.InvalidInput;
import tech.followthemoney.model.Model;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a sanctions list file into its person entries: OpenSanctions {@code targets.simple.csv} or a
 * FollowTheMoney entity file (JSON lines, {@code entities.ftm.json}) with Person, Company, Organization, Vessel and
 * Sanction entities. Entries of other schemata are counted and left out: Chainline screens persons, companies and
 * other organisations, and vessels. A file with any error is
 * refused whole, each error with its line.
 */
final class ListFiles {

    static final List<String> CSV_REQUIRED = List.of("id", "schema", "name");
    /** The schemata screened: persons, and the companies, organisations and vessels a designation can name too. */
    static final List<String> SCREENED = List.of("Person", "Company", "Organization", "LegalEntity", "PublicBody", "Vessel");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Set<String> STATUSES = Set.of("active", "inactive", "delisted", "terminated", "suspended",
            "revoked", "expired", "listed", "current", "removed");
    private static final int MAX_ERRORS = 20;
    private static final CSVFormat VALUES = CSVFormat.DEFAULT.builder().setDelimiter(';').get();

    /** The entries of a file, and how many entities of other schemata were left out. */
    record Parsed(List<ListEntry> entries, Map<String, Integer> skipped) {
    }

    private final Jurisdictions jurisdictions;
    private final Model ftm;

    ListFiles(Jurisdictions jurisdictions, Model ftm) {
        this.jurisdictions = jurisdictions;
        this.ftm = ftm;
    }

    /** Whether a file looks like FtM JSON lines rather than CSV (its first non-blank character is '{'). */
    static boolean looksLikeFtm(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            int c;
            while ((c = reader.read()) != -1) {
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return c == '{';
                }
            }
        }
        return false;
    }

    Parsed read(Path file, String format) {
        try {
            return format.equals("ftm") ? ftm(file) : csv(file);
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "is not UTF-8 text");
        } catch (CSVException e) {
            throw new InvalidInput("file", "is not valid CSV: " + withoutClassNames(e.getMessage()) + ". Nothing was imported.");
        } catch (IOException e) {
            throw new UncheckedIOException("the list file cannot be read: " + e.getMessage(), e);
        }
    }

    /** A parser's message as a sentence for people: without the Java class names it may quote. */
    static String withoutClassNames(String message) {
        if (message == null) {
            return "it cannot be parsed";
        }
        return message.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:Exception|Error)(?::\\s*)?", "").strip();
    }

    private static BufferedReader utf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
    }

    // ---------------------------------------------------------------- targets.simple.csv

    private Parsed csv(Path file) throws IOException {
        List<String> errors = new ArrayList<>();
        List<ListEntry> entries = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (BufferedReader reader = utf8(file); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : CSV_REQUIRED) {
                if (header == null || !header.containsKey(column)) {
                    throw new InvalidInput("file", "is not an OpenSanctions targets.simple.csv: the header has no column '"
                            + column + "' (it has: " + (header == null ? "nothing" : String.join(", ", header.keySet())) + ")");
                }
            }
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                String id = cell(row, "id");
                String schema = cell(row, "schema");
                if (id.isEmpty()) {
                    errors.add("line " + line + ": column id is empty");
                } else if (!seen.add(id)) {
                    errors.add("line " + line + ": id " + id + " appears twice");
                }
                if (!SCREENED.contains(schema)) {
                    skipped.merge(schema.isEmpty() ? "(none)" : schema, 1, Integer::sum);
                    continue;
                }
                String name = cell(row, "name");
                if (name.isEmpty()) {
                    errors.add("line " + line + ": column name is empty");
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
                if (!errors.isEmpty()) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                names.add(name);
                for (String alias : values(row, "aliases", line, errors)) {
                    if (!names.contains(alias)) {
                        names.add(alias);
                    }
                }
                List<String> datasets = values(row, "dataset", line, errors);
                List<String> programIds = values(row, "program_ids", line, errors);
                List<ListEntry.Designation> designations = designations(values(row, "sanctions", line, errors),
                        datasets, programIds);
                entries.add(new ListEntry(id, schema, name, List.copyOf(names), dates(values(row, "birth_date", line, errors), line, errors),
                        values(row, "countries", line, errors).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(),
                        values(row, "identifiers", line, errors), designations, datasets,
                        blankToNull(cell(row, "first_seen")), blankToNull(cell(row, "last_seen")),
                        blankToNull(cell(row, "last_change"))));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException cce) {
                throw cce;
            }
            errors.add("is not valid CSV: " + withoutClassNames(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        refuse(errors);
        return new Parsed(entries, skipped);
    }

    private static String cell(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
    }

    /** A cell of ';'-joined values (quoted like CSV where a value holds a ';'). */
    private static List<String> values(CSVRecord row, String column, long line, List<String> errors) {
        String cell = cell(row, column);
        if (cell.isEmpty()) {
            return List.of();
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(cell)).setFormat(VALUES).get()) {
            Set<String> out = new LinkedHashSet<>();
            for (CSVRecord r : parser) {
                for (String v : r) {
                    if (!v.isBlank()) {
                        out.add(v.strip());
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add("line " + line + ": column " + column + " is not a list of ';'-separated values");
            return List.of();
        }
    }

    private static List<String> dates(List<String> values, long line, List<String> errors) {
        for (String v : values) {
            if (!DATE.matcher(v).matches()) {
                errors.add("line " + line + ": birth_date " + v + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
        }
        return values;
    }

    /**
     * OpenSanctions writes each sanction as "program - reason - status - start - end", leaving out what it lacks: the
     * dates are told by their shape, a status by its word, the first other part is the programme, the rest the reason.
     * Each dataset's jurisdiction that no sanction names gets a designation of its own, named after the dataset.
     */
    private List<ListEntry.Designation> designations(List<String> texts, List<String> datasets, List<String> programIds) {
        Set<String> datasetJurisdictions = new LinkedHashSet<>();
        for (String d : datasets) {
            jurisdictions.ofDataset(d).ifPresent(datasetJurisdictions::add);
        }
        List<ListEntry.Designation> out = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (String text : texts) {
            List<String> dates = new ArrayList<>();
            List<String> words = new ArrayList<>();
            String status = null;
            for (String part : text.split(" - ")) {
                String p = part.strip();
                if (DATE.matcher(p).matches()) {
                    dates.add(p);
                } else if (status == null && STATUSES.contains(p.toLowerCase(Locale.ROOT))) {
                    status = p;
                } else if (!p.isEmpty()) {
                    words.add(p);
                }
            }
            if (words.isEmpty()) {
                continue;
            }
            String program = words.getFirst();
            String reason = words.size() > 1 ? String.join(" - ", words.subList(1, words.size())) : null;
            String jurisdiction = jurisdictions.ofProgram(program).orElse(
                    datasetJurisdictions.size() == 1 ? datasetJurisdictions.iterator().next() : null);
            String programId = null;
            for (String pid : programIds) {
                if (jurisdiction != null && jurisdictions.ofProgram(pid).filter(jurisdiction::equals).isPresent()) {
                    programId = pid;
                }
            }
            if (jurisdiction != null) {
                covered.add(jurisdiction);
            }
            out.add(new ListEntry.Designation(jurisdiction, null, program, programId, reason, status,
                    dates.isEmpty() ? null : dates.getFirst(), dates.size() > 1 ? dates.get(1) : null, null));
        }
        for (String dataset : datasets) {
            String j = jurisdictions.ofDataset(dataset).orElse(null);
            if (j != null && covered.add(j)) {
                out.add(new ListEntry.Designation(j, null, dataset, null, null, null, null, null, null));
            }
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- FollowTheMoney

    private Parsed ftm(Path file) throws IOException {
        List<String> errors = new ArrayList<>();
        Map<String, JsonNode> persons = new LinkedHashMap<>();
        Map<String, List<JsonNode>> sanctions = new HashMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Schema person = ftm.getSchema("Person");
        Schema legalEntity = ftm.getSchema("LegalEntity");
        Schema vessel = ftm.getSchema("Vessel");
        try (BufferedReader reader = utf8(file)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null && errors.size() < MAX_ERRORS) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    errors.add("line " + line + ": not JSON: " + e.getOriginalMessage());
                    continue;
                }
                if (!node.isObject() || !node.path("id").isTextual() || !node.path("schema").isTextual()
                        || !node.path("properties").isObject()) {
                    errors.add("line " + line + ": not an FtM entity (an object with id, schema and properties)");
                    continue;
                }
                String schemaName = node.get("schema").asText();
                Schema schema = ftm.getSchemata().get(schemaName);
                if (schema == null) {
                    errors.add("line " + line + ": schema " + schemaName + " is not a FollowTheMoney schema");
                    continue;
                }
                if (schema.isA(person) || schema.isA(legalEntity) || schema.isA(vessel)) {
                    persons.put(node.get("id").asText(), node);
                } else if (schemaName.equals("Sanction")) {
                    for (String entity : strings(node, "entity")) {
                        sanctions.computeIfAbsent(entity, k -> new ArrayList<>()).add(node);
                    }
                } else {
                    skipped.merge(schemaName, 1, Integer::sum);
                }
            }
        }
        refuse(errors);
        List<ListEntry> entries = new ArrayList<>();
        for (JsonNode p : persons.values()) {
            List<String> names = new ArrayList<>();
            for (String prop : List.of("name", "alias", "previousName", "weakAlias")) {
                strings(p, prop).stream().filter(n -> !names.contains(n)).forEach(names::add);
            }
            if (names.isEmpty()) {
                String composed = String.join(" ", strings(p, "firstName")) + " " + String.join(" ", strings(p, "lastName"));
                if (!composed.isBlank()) {
                    names.add(composed.strip());
                }
            }
            if (names.isEmpty()) {
                skipped.merge(p.get("schema").asText() + " without a name", 1, Integer::sum);
                continue;
            }
            List<String> datasets = strings(p, "datasets", true);
            Set<String> countries = new LinkedHashSet<>();
            for (String prop : List.of("nationality", "citizenship", "country", "jurisdiction", "flag")) {
                strings(p, prop).forEach(c -> countries.add(c.toUpperCase(Locale.ROOT)));
            }
            List<String> identifiers = new ArrayList<>();
            Schema schema = ftm.getSchema(p.get("schema").asText());
            for (Property prop : schema.getProperties()) {
                if (prop.getType().isIdentifier()) {
                    identifiers.addAll(strings(p, prop.getName()));
                }
            }
            List<ListEntry.Designation> designations = new ArrayList<>();
            for (JsonNode s : sanctions.getOrDefault(p.get("id").asText(), List.of())) {
                String program = first(s, "program");
                String authority = first(s, "authority");
                String jurisdiction = strings(s, "country").stream().map(Jurisdictions::code).flatMap(Optional::stream)
                        .findFirst().or(() -> jurisdictions.ofProgram(String.join(" ", strings(s, "programId")) + " " + (program == null ? "" : program)))
                        .or(() -> jurisdictions.ofProgram(authority))
                        .orElse(null);
                designations.add(new ListEntry.Designation(jurisdiction, authority,
                        program != null ? program : authority != null ? authority : "(programme not stated)",
                        first(s, "programId"), first(s, "reason"), first(s, "status"),
                        first(s, "listingDate", "startDate", "date"), first(s, "endDate"), first(s, "sourceUrl")));
            }
            entries.add(new ListEntry(p.get("id").asText(), p.get("schema").asText(),
                    p.path("caption").isTextual() ? p.get("caption").asText() : names.getFirst(), List.copyOf(names),
                    strings(p, "birthDate").stream().map(d -> d.length() > 10 ? d.substring(0, 10) : d).toList(),
                    List.copyOf(countries), List.copyOf(identifiers), List.copyOf(designations), datasets,
                    text(p, "first_seen"), text(p, "last_seen"), text(p, "last_change")));
        }
        return new Parsed(entries, skipped);
    }

    private static List<String> strings(JsonNode entity, String property) {
        return strings(entity, property, false);
    }

    private static List<String> strings(JsonNode entity, String property, boolean topLevel) {
        JsonNode values = topLevel ? entity.get(property) : entity.path("properties").get(property);
        if (values == null || !values.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
        }
        return out;
    }

    private static String first(JsonNode entity, String... properties) {
        for (String p : properties) {
            List<String> v = strings(entity, p);
            if (!v.isEmpty()) {
                return v.getFirst();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void refuse(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput("file", String.join("; ", errors.subList(0, Math.min(errors.size(), MAX_ERRORS)))
                    + (errors.size() >= MAX_ERRORS ? "; (stopped after " + MAX_ERRORS + " errors)" : "")
                    + ". Nothing was imported.");
        }
    }
}
