package org.chainline.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code users}, {@code journal}, {@code graph}): alone, it shows its help. */
abstract class CommandGroup implements Runnable {

    @ParentCommand
    ChainlineCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
