package org.chainline.sanctions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.demo.DemoCase;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Companies and vessels are screened against a list's entries of their own kind, a vessel by its IMO number too. */
@MicronautTest(transactional = false)
class CompanyScreeningTest extends ChainlineTest {

    static final String LIST = """
            id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change
            NK-co-dala,Company,DALA TRADING LIMITED,Dala Trading Ltd.,,gb,,FX-0481516,"GHR - owned by the spouse of a designated commander - 2025-10-01",,,GB-GHR,UK Sanctions List (fictional),2025-10-02,2025-10-02,2025-10-02
            NK-co-otegulov,Company,OTEGULOV GALYM HOLDINGS LLP,,,kz,,,"GHR - 2025-10-01",,,GB-GHR,UK Sanctions List (fictional),2025-10-02,2025-10-02,2025-10-02
            NK-vessel,Vessel,STEPPE WIND,,,xt,,IMO 9381744,"GHR - carried the contingent - 2025-10-01",,,GB-GHR,UK Sanctions List (fictional),2025-10-02,2025-10-02,2025-10-02
            """;

    @Inject
    DemoCase demo;
    @Inject
    Records records;
    @Inject
    SanctionLists lists;
    @Inject
    Screening screening;

    @BeforeAll
    void setUp() {
        assertTrue(TestCases.load(demo, "tester").records().applied());
        var json = new ObjectMapper();
        records.create(TestCases.FILING, records.model().type("Vehicle").orElseThrow(), json.createObjectNode().put("id", "veh-kulan")
                .put("name", "Kulan Star").put("kind", "vessel").put("imoNumber", "9381744").put("country", "XT"), "a vessel");
        lists.importFile("tester", "fictional-uk-list", "targets-simple-csv", "targets.simple.csv",
                new ByteArrayInputStream(LIST.getBytes(StandardCharsets.UTF_8)), "2025-10-02");
    }

    @Test
    void aCompanyOnAListIsMatchedByName() {
        List<Screening.Candidate> found = screening.candidates("co-dala-trading", 0.5);
        assertEquals("NK-co-dala", found.getFirst().entry(), found::toString);
        assertTrue(found.getFirst().designations().getFirst().program().contains("GHR"));
        assertTrue(screening.undecided(0.5).stream().anyMatch(c -> c.person().equals("co-dala-trading")));
    }

    @Test
    void aVesselIsMatchedByItsImoNumberUnderAnotherName() {
        List<Screening.Candidate> found = screening.candidates("veh-kulan", 0.5);
        assertEquals(List.of("NK-vessel"), found.stream().map(Screening.Candidate::entry).toList());
        assertTrue(found.getFirst().explanation().getFirst().contains("IMO number 9381744"));
    }

    @Test
    void aPersonIsNotMatchedAgainstACompanyNamedLikeHim() {
        assertTrue(screening.candidates("p-otegulov", 0.0).stream().noneMatch(c -> c.entry().equals("NK-co-otegulov")));
        assertTrue(screening.candidates("co-dala-trading", 0.0).stream().noneMatch(c -> c.entry().startsWith("NK-demo")));
    }
}
