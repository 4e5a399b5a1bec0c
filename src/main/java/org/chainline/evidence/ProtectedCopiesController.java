package org.chainline.evidence;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;

import java.util.List;

/** What the holders of the witness-protection grant are told about copies of protected files that arrived. */
@Controller("/api/protection")
@Tag(name = "Protection")
class ProtectedCopiesController {

    private final ProtectedCopies copies;

    ProtectedCopiesController(ProtectedCopies copies) {
        this.copies = copies;
    }

    @Operation(summary = "Copies of protected items' files that arrived after them: which item, when, from whom, how (newest first)")
    @Secured(Roles.WITNESS_PROTECTION)
    @Get("/copies")
    List<ProtectedCopies.Copy> copies() {
        return copies.recent();
    }
}
