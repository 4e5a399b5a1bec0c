package org.chainline.workspace.account;

import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/** The sign-in form: what was typed (never the password), the errors, where to go after. */
public record SignInView(String username, String next, List<FieldError> errors) implements Page {
}
