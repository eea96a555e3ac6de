{{/*
Names, labels and the settings shared by several templates.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "roundtable.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name: fullnameOverride, or <release>-<name> (just <release> when it already contains the
name). Kept to 52 characters so suffixes such as "-db-owner" and "-tenants" fit in 63.
*/}}
{{- define "roundtable.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "roundtable.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource. */}}
{{- define "roundtable.labels" -}}
helm.sh/chart: {{ include "roundtable.chart" . }}
{{ include "roundtable.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: roundtable
{{- end }}

{{/* Labels that identify the release's pods (all components). */}}
{{- define "roundtable.selectorLabels" -}}
app.kubernetes.io/name: {{ include "roundtable.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels that select the application pods only: the migration Job's and the test pod's pods carry
other components, so the Service, PodDisruptionBudget and NetworkPolicy never pick them.
*/}}
{{- define "roundtable.serverSelectorLabels" -}}
{{ include "roundtable.selectorLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/* The ServiceAccount of the application pods. */}}
{{- define "roundtable.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "roundtable.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image reference: repository:tag, with @digest when one is given. */}}
{{- define "roundtable.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if .Values.image.digest }}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/* The platform's public URL: app.publicUrl, or https://<first ingress host>. */}}
{{- define "roundtable.publicUrl" -}}
{{- if .Values.app.publicUrl }}
{{- .Values.app.publicUrl | trimSuffix "/" }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- printf "https://%s" (first .Values.ingress.hosts) }}
{{- else if .Values.ingress.enabled }}
{{- required "ingress.hosts is required: list the public host name(s) of the platform, such as roundtable.example.org" nil }}
{{- else }}
{{- required "app.publicUrl is required when the ingress is off: the platform's public https:// address" nil }}
{{- end }}
{{- end }}

{{/* Keycloak's in-cluster URL: keycloak.internalUrl, or the public one. */}}
{{- define "roundtable.keycloakInternalUrl" -}}
{{- default (include "roundtable.keycloakPublicUrl" .) .Values.keycloak.internalUrl | trimSuffix "/" }}
{{- end }}

{{- define "roundtable.keycloakPublicUrl" -}}
{{- required "keycloak.publicUrl is required: the public (issuer) base URL of Keycloak, such as https://id.example.org" .Values.keycloak.publicUrl | trimSuffix "/" }}
{{- end }}

{{/* The JDBC URL. */}}
{{- define "roundtable.databaseUrl" -}}
{{- $db := .Values.database }}
{{- $host := required "database.host is required: the host name of your PostgreSQL server" $db.host }}
{{- $url := printf "jdbc:postgresql://%s:%d/%s?sslmode=%s" $host (int $db.port) $db.name $db.sslMode }}
{{- range $key, $value := $db.parameters }}
{{- $url = printf "%s&%s=%s" $url (urlquery $key) (urlquery $value) }}
{{- end }}
{{- $url }}
{{- end }}

{{/*
Secrets. Each secret comes from an existing Secret (the documented default) or from a supplied
value, in which case the chart creates the Secret. The helpers return the Secret's name and key.
*/}}

{{/* The chart's own Secret (application-side values supplied in values). */}}
{{- define "roundtable.secretName" -}}
{{- include "roundtable.fullname" . }}
{{- end }}

{{/* The chart's hook Secret for the migration role (it must exist before the migration Job). */}}
{{- define "roundtable.migrationSecretName" -}}
{{- printf "%s-db-owner" (include "roundtable.fullname" .) }}
{{- end }}

{{/* "true" when the chart creates its own (non-hook) Secret. */}}
{{- define "roundtable.createsSecret" -}}
{{- if or .Values.database.app.password .Values.keycloak.provisioner.clientSecret .Values.mail.password .Values.crypto.keys }}true{{ end }}
{{- end }}

{{- define "roundtable.secretRef.dbMigration" -}}
{{- if .Values.database.migration.password -}}
name: {{ include "roundtable.migrationSecretName" . }}
key: password
{{- else -}}
name: {{ required "database.migration.existingSecret (or database.migration.password) is required: the migration role's password" .Values.database.migration.existingSecret }}
key: {{ .Values.database.migration.existingSecretKey }}
{{- end }}
{{- end }}

{{- define "roundtable.secretRef.dbApp" -}}
{{- if .Values.database.app.password -}}
name: {{ include "roundtable.secretName" . }}
key: db-app-password
{{- else -}}
name: {{ required "database.app.existingSecret (or database.app.password) is required: the application role's password" .Values.database.app.existingSecret }}
key: {{ .Values.database.app.existingSecretKey }}
{{- end }}
{{- end }}

{{- define "roundtable.secretRef.provisioner" -}}
{{- if .Values.keycloak.provisioner.clientSecret -}}
name: {{ include "roundtable.secretName" . }}
key: keycloak-provisioner-client-secret
{{- else -}}
name: {{ required "keycloak.provisioner.existingSecret (or keycloak.provisioner.clientSecret) is required: the provisioning client's secret" .Values.keycloak.provisioner.existingSecret }}
key: {{ .Values.keycloak.provisioner.existingSecretKey }}
{{- end }}
{{- end }}

{{/* The SMTP password is optional: empty output means none. */}}
{{- define "roundtable.secretRef.mail" -}}
{{- if .Values.mail.password -}}
name: {{ include "roundtable.secretName" . }}
key: mail-password
{{- else if .Values.mail.existingSecret -}}
name: {{ .Values.mail.existingSecret }}
key: {{ .Values.mail.existingSecretKey }}
{{- end }}
{{- end }}

{{- define "roundtable.secretRef.crypto" -}}
{{- if .Values.crypto.keys -}}
name: {{ include "roundtable.secretName" . }}
key: crypto-keys
{{- else -}}
name: {{ required "crypto.existingSecret (or crypto.keys) is required: the data-encryption keys" .Values.crypto.existingSecret }}
key: {{ .Values.crypto.existingSecretKey }}
{{- end }}
{{- end }}

{{/* Third-party plugins: "true" when the assemble init container runs. */}}
{{- define "roundtable.assembles" -}}
{{- if or .Values.plugins.volume .Values.plugins.assembleAtStart }}true{{ end }}
{{- end }}

{{/* Tenants: "true" when tenant files are mounted. */}}
{{- define "roundtable.hasTenants" -}}
{{- if or .Values.tenants.definitions .Values.tenants.existingConfigMap.name }}true{{ end }}
{{- end }}

{{- define "roundtable.pluginsDir" -}}/var/roundtable/plugins{{- end }}
{{- define "roundtable.appDir" -}}/var/roundtable/app{{- end }}
{{- define "roundtable.tenantsDir" -}}/etc/roundtable/tenants{{- end }}
{{- define "roundtable.launcher" -}}/opt/roundtable/roundtable-launcher.jar{{- end }}

{{/* The /tmp volume: disk-backed emptyDir with a size limit. */}}
{{- define "roundtable.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmp.sizeLimit }}
{{- end }}

{{/* The plugin JARs volume (when plugins.volume is set). */}}
{{- define "roundtable.pluginsVolume" -}}
- name: plugins
  {{- toYaml .Values.plugins.volume | nindent 2 }}
{{- end }}

{{/* Resources with both requests and limits: a container without them is refused. */}}
{{- define "roundtable.resources" -}}
{{- $what := index . 0 }}
{{- $resources := index . 1 }}
{{- if not (and $resources.requests $resources.limits) }}
{{- fail (printf "%s must set both requests and limits" $what) }}
{{- end }}
{{- toYaml $resources }}
{{- end }}
