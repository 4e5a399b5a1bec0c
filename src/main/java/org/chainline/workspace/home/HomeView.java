package org.chainline.workspace.home;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.cases.Case;
import org.chainline.dossier.Dossier;
import org.chainline.evidence.ProtectedCopies;
import org.chainline.regime.Regime;
import org.chainline.registry.ProtectedNames;
import org.chainline.sanctions.GapReport;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * The home page: open cases, the latest changes, the stores, the gap report's top rows, the latest dossiers, and for
 * holders of the witness-protection grant the accounts whose text was refused for naming a protected identity and the
 * copies of protected files that arrived.
 */
@Introspected
public record HomeView(Chrome chrome, Activity activity, Gaps gaps, List<Dossier> dossiers, Protection protection,
                       List<FieldError> errors) implements Page {

    /** How the record stands: the open cases, the latest changes and the stores. */
    public record Activity(List<Case> cases, List<Change> changes, @Nullable Status status) {
        static final Activity NONE = new Activity(List.of(), List.of(), null);
    }

    /** The gap report's top rows under the regime chosen (null: loaded after the page), and the regimes to choose from. */
    public record Gaps(List<Regime> regimes, String regime, @Nullable GapReport.Report report) {
    }

    /** For holders of the grant: the accounts refused for naming a protected identity, and protected files sent again. */
    public record Protection(List<ProtectedNames.Refusals> refusals, List<ProtectedCopies.Copy> copies) {
        static final Protection NONE = new Protection(List.of(), List.of());
    }

    /** One journal entry as the home page lists it: no payload and no reason, which may hold case material. */
    public record Change(long seq, String when, String actor, String kind, String target, @Nullable String link) {
    }

    /**
     * The stores (as the health endpoint reads them): journal head, graph position and lag (null when a store does not
     * answer), rebuild, why projection stopped, the last graph check's status ({@code consistent}, {@code moving},
     * {@code drift}) and time.
     */
    public record Status(@Nullable Long head, @Nullable Long graph, @Nullable Long lag, boolean rebuilding, @Nullable String error,
                         @Nullable String check, @Nullable String checkedAt) {
    }
}
