/**
 * The platform as a plugin sees it: the signed-in member, the audit trail and mail. All are CDI
 * beans to inject; the tenant comes from {@link org.roundtable.api.tenancy.TenantContext}.
 *
 * @since 1.0.0
 */
package org.roundtable.api.platform;
