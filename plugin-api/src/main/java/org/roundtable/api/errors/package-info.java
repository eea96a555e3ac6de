/**
 * What a plugin's domain and application code throw when a request cannot be done, in the
 * platform's words rather than HTTP's: {@link org.roundtable.api.errors.NotFound}, {@link
 * org.roundtable.api.errors.Refused} (a field and a plain-words message), {@link
 * org.roundtable.api.errors.Conflict}, {@link org.roundtable.api.errors.Forbidden} and {@link
 * org.roundtable.api.errors.Unavailable}. The platform maps them once: to a problem ({@code
 * application/problem+json}) for the API, to the error summary of the form for pages ({@link
 * org.roundtable.api.web.FormSubmission}), and to the council's error page otherwise. Plugin code
 * never throws JAX-RS exceptions.
 *
 * @since 1.7.0
 */
package org.roundtable.api.errors;
