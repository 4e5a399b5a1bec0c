package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.security.AccountView;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage local accounts. New and reset accounts get a one-time password, printed once.",
        subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.Reset.class})
final class UsersCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account and print its one-time password.")
    static final class Create implements Runnable {
        @ParentCommand
        UsersCommand users;
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Login name.")
        String username;
        @Option(names = "--role", required = true, paramLabel = "ROLE", split = ",",
                description = "viewer, analyst, counsel or admin; repeat or separate with commas.")
        List<String> roles;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(users.root, Map.of())) {
                IssuedPassword issued = context.getBean(Accounts.class)
                        .create(Contexts.cliActor(), username, new LinkedHashSet<>(roles));
                printIssued(spec.commandLine().getOut(), "Created", issued);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts and their roles.")
    static final class ListUsers implements Runnable {
        @ParentCommand
        UsersCommand users;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(users.root, Map.of())) {
                PrintWriter out = spec.commandLine().getOut();
                List<AccountView> all = context.getBean(Accounts.class).list();
                out.printf("%-24s %-28s %s%n", "USERNAME", "ROLES", "STATE");
                for (AccountView a : all) {
                    String state = a.disabled() ? "disabled" : a.mustChangePassword() ? "one-time password" : "active";
                    out.printf("%-24s %-28s %s%n", a.username(), String.join(",", a.roles()), state);
                }
                if (all.isEmpty()) {
                    out.println("(no accounts yet: 'serve' creates the first administrator, or use 'users create')");
                }
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Give an account a new one-time password (the old password stops working).")
    static final class Reset implements Runnable {
        @ParentCommand
        UsersCommand users;
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Login name.")
        String username;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(users.root, Map.of())) {
                IssuedPassword issued = context.getBean(Accounts.class).resetPassword(Contexts.cliActor(), username);
                printIssued(spec.commandLine().getOut(), "Reset", issued);
            }
        }
    }

    static void printIssued(PrintWriter out, String what, IssuedPassword issued) {
        out.println(what + " account " + issued.username() + " (" + String.join(",", issued.roles()) + ").");
        out.println("One-time password (shown once; it must be changed at first login): " + issued.oneTimePassword());
    }
}
