package org.chainline.workspace.liability;

import io.micronaut.core.annotation.Introspected;
import org.chainline.liability.Views;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Page;
import org.chainline.workspace.shell.RecordTitle;

import java.util.List;

/**
 * A person's or an incident's liability: for each link (person to incident), every path by mode and involvement, with
 * its strength and why, the elements of command responsibility apart, and each step's claim and evidence.
 */
@Introspected
public record LiabilityView(Chrome chrome, RecordTitle about, boolean ofPerson, int depth, List<Views.Link> links) implements Page {
}
