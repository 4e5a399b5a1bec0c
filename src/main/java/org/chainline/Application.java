package org.chainline;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Chainline: the service, its web pages and its command line, in one jar. This class names the application (its API's
 * description, and the package every context is built from); it depends on no feature, and the command line that
 * starts it ({@code org.chainline.cli.Main}) depends on it, not the other way round.
 */
@OpenAPIDefinition(
        info = @Info(title = "Chainline", version = "0.1",
                description = "Evidence of state violence, linked into an accountability graph and turned into"
                        + " sanctions-ready dossiers. Get a token from POST /login and send it as a bearer token.",
                license = @License(name = "AGPL-3.0-or-later", url = "https://www.gnu.org/licenses/agpl-3.0.html")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

    private Application() {
    }
}
