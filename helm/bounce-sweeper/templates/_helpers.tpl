{{/*
Chart name, truncated to 63 characters (DNS label limit).
*/}}
{{- define "bounce-sweeper.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: <release>-<chart>, or the release name when it already contains the chart name.
The CronJob name is limited to 52 characters (Kubernetes appends 11 for its Jobs), so names are cut at 52.
*/}}
{{- define "bounce-sweeper.fullname" -}}
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

{{/*
Chart label value: name-version.
*/}}
{{- define "bounce-sweeper.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "bounce-sweeper.labels" -}}
helm.sh/chart: {{ include "bounce-sweeper.chart" . }}
{{ include "bounce-sweeper.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: {{ .Values.mode }}
{{- end }}

{{/*
Selector labels (stable across upgrades: never add values that change).
*/}}
{{- define "bounce-sweeper.selectorLabels" -}}
app.kubernetes.io/name: {{ include "bounce-sweeper.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
ServiceAccount name.
*/}}
{{- define "bounce-sweeper.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "bounce-sweeper.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: repository@digest, else repository:tag (tag defaults to the appVersion).
*/}}
{{- define "bounce-sweeper.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the passwords: the existing one, or the chart's own.
*/}}
{{- define "bounce-sweeper.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else }}
{{- include "bounce-sweeper.fullname" . }}
{{- end }}
{{- end }}

{{/*
Name of the ConfigMap holding the job definitions.
*/}}
{{- define "bounce-sweeper.jobsConfigMapName" -}}
{{- printf "%s-jobs" (include "bounce-sweeper.fullname" .) }}
{{- end }}

{{/*
Checks of values the schema cannot express. Included by every workload template.
*/}}
{{- define "bounce-sweeper.validate" -}}
{{- if and (eq .Values.mode "cronjob") (not (hasKey .Values.jobs .Values.cronJob.definition)) }}
{{- fail (printf "cronJob.definition %q is not a key of jobs (have: %s)" .Values.cronJob.definition (keys .Values.jobs | sortAlpha | join ", ")) }}
{{- end }}
{{- if and (eq .Values.mode "scheduler") .Values.sharding.enabled }}
{{- fail "sharding.enabled works with mode=cronjob only: in mode=scheduler the definition's mailboxes run as Spring Batch partitions" }}
{{- end }}
{{- if and .Values.sharding.enabled .Values.sharding.parallelism (gt (int .Values.sharding.parallelism) (int .Values.sharding.shards)) }}
{{- fail "sharding.parallelism must not exceed sharding.shards" }}
{{- end }}
{{- end }}

{{/*
Pod template spec shared by the CronJob and the Deployment.
Call with (dict "root" $ "args" (list ...) "restartPolicy" "Never").
*/}}
{{- define "bounce-sweeper.podTemplate" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
metadata:
  labels:
    {{- include "bounce-sweeper.labels" $root | nindent 4 }}
    {{- with $v.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    checksum/jobs: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
    {{- if not $v.existingSecret }}
    checksum/secret: {{ include (print $root.Template.BasePath "/secret.yaml") $root | sha256sum }}
    {{- end }}
    {{- if $v.metrics.enabled }}
    prometheus.io/scrape: "true"
    prometheus.io/port: {{ $v.metrics.port | quote }}
    prometheus.io/path: {{ $v.metrics.path | quote }}
    {{- end }}
    {{- with $v.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  restartPolicy: {{ .restartPolicy }}
  serviceAccountName: {{ include "bounce-sweeper.serviceAccountName" $root }}
  automountServiceAccountToken: {{ $v.automountServiceAccountToken }}
  {{- with $v.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  {{- if eq $v.mode "scheduler" }}
  terminationGracePeriodSeconds: {{ $v.scheduler.terminationGracePeriodSeconds }}
  {{- end }}
  securityContext:
    {{- toYaml $v.podSecurityContext | nindent 4 }}
  containers:
    - name: bounce-sweeper
      image: {{ include "bounce-sweeper.image" $root | quote }}
      imagePullPolicy: {{ $v.image.pullPolicy }}
      args:
        {{- range .args }}
        - {{ . | quote }}
        {{- end }}
        {{- range $v.extraArgs }}
        - {{ . | quote }}
        {{- end }}
      env:
        - name: JAVA_TOOL_OPTIONS
          value: {{ $v.javaToolOptions | quote }}
        - name: BOUNCE_SWEEPER_JOBS_DIR
          value: {{ $v.jobsDir | quote }}
        {{- if and (eq $v.mode "cronjob") $v.sharding.enabled }}
        # Indexed Job: pod i sweeps the i-th mailbox entry of the definition. Kubernetes sets this
        # variable itself for Indexed Jobs; it is spelled out so the contract is visible.
        - name: JOB_COMPLETION_INDEX
          valueFrom:
            fieldRef:
              fieldPath: metadata.annotations['batch.kubernetes.io/job-completion-index']
        {{- end }}
        {{- /* plain settings: only when set, so an unset value leaves the application's default */}}
        {{- with $v.imap.host }}
        - name: BOUNCE_SWEEPER_IMAP_HOST
          value: {{ . | quote }}
        {{- end }}
        {{- with $v.imap.port }}
        - name: BOUNCE_SWEEPER_IMAP_PORT
          value: {{ . | quote }}
        {{- end }}
        {{- with $v.imap.user }}
        - name: BOUNCE_SWEEPER_IMAP_USER
          value: {{ . | quote }}
        {{- end }}
        {{- with $v.imap.security }}
        - name: BOUNCE_SWEEPER_IMAP_SECURITY
          value: {{ . | quote }}
        {{- end }}
        {{- if $v.imap.trustStore.secretName }}
        - name: BOUNCE_SWEEPER_IMAP_TRUST_STORE
          value: {{ printf "/config/truststore/%s" $v.imap.trustStore.key | quote }}
        {{- if $v.imap.trustStore.passwordKey }}
        - name: BOUNCE_SWEEPER_IMAP_TRUST_STORE_PASSWORD
          valueFrom:
            secretKeyRef:
              name: {{ $v.imap.trustStore.secretName }}
              key: {{ $v.imap.trustStore.passwordKey }}
        {{- end }}
        {{- end }}
        - name: BOUNCE_SWEEPER_IMAP_PASSWORD
          valueFrom:
            secretKeyRef:
              name: {{ include "bounce-sweeper.secretName" $root }}
              key: {{ $v.secretKeys.imapPassword }}
        {{- with $v.database.url }}
        - name: BOUNCE_SWEEPER_DB_URL
          value: {{ . | quote }}
        {{- end }}
        {{- with $v.database.user }}
        - name: BOUNCE_SWEEPER_DB_USER
          value: {{ . | quote }}
        {{- end }}
        - name: BOUNCE_SWEEPER_DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: {{ include "bounce-sweeper.secretName" $root }}
              key: {{ $v.secretKeys.dbPassword }}
        {{- with $v.maxParallelMailboxes }}
        - name: BOUNCE_SWEEPER_MAX_PARALLEL_MAILBOXES
          value: {{ . | quote }}
        {{- end }}
        {{- with $v.purgeOlderThan }}
        - name: BOUNCE_SWEEPER_PURGE_OLDER_THAN
          value: {{ . | quote }}
        {{- end }}
        {{- range $v.extraPasswords }}
        # password of another account, named by `password-env` in a mailbox entry
        - name: {{ .env }}
          valueFrom:
            secretKeyRef:
              name: {{ include "bounce-sweeper.secretName" $root }}
              key: {{ .key }}
        {{- end }}
        {{- range $v.oauth2Secrets }}
        {{- $secret := .secretName }}
        {{- range .env }}
        # OAuth2 secret of a mailbox entry (`*-env: {{ .name }}` in its oauth2 block)
        - name: {{ .name }}
          valueFrom:
            secretKeyRef:
              name: {{ $secret }}
              key: {{ .key }}
        {{- end }}
        {{- end }}
        {{- if eq $v.mode "scheduler" }}
        - name: MANAGEMENT_SERVER_PORT
          value: {{ $v.metrics.port | quote }}
        {{- else if $v.metrics.pushgateway }}
        # each run pushes its meters to the Pushgateway when it ends (grouping key instance=<definition>)
        - name: MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ENABLED
          value: "true"
        - name: MANAGEMENT_PROMETHEUS_METRICS_EXPORT_PUSHGATEWAY_ADDRESS
          value: {{ $v.metrics.pushgateway | quote }}
        {{- end }}
        {{- with $v.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- if or $v.metrics.enabled (eq $v.mode "scheduler") }}
      ports:
        - name: metrics
          containerPort: {{ $v.metrics.port }}
          protocol: TCP
      {{- end }}
      {{- if and (eq $v.mode "scheduler") $v.scheduler.probes.enabled }}
      {{- $p := $v.scheduler.probes }}
      livenessProbe:
        httpGet:
          path: /actuator/health/liveness
          port: metrics
        initialDelaySeconds: {{ $p.initialDelaySeconds }}
        periodSeconds: {{ $p.periodSeconds }}
        timeoutSeconds: {{ $p.timeoutSeconds }}
        failureThreshold: {{ $p.failureThreshold }}
      readinessProbe:
        httpGet:
          path: /actuator/health/readiness
          port: metrics
        initialDelaySeconds: {{ $p.initialDelaySeconds }}
        periodSeconds: {{ $p.periodSeconds }}
        timeoutSeconds: {{ $p.timeoutSeconds }}
        failureThreshold: {{ $p.failureThreshold }}
      {{- end }}
      resources:
        {{- toYaml $v.resources | nindent 8 }}
      securityContext:
        {{- toYaml $v.securityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: jobs
          mountPath: {{ $v.jobsDir }}
          readOnly: true
        {{- if $v.imap.trustStore.secretName }}
        - name: truststore
          mountPath: /config/truststore
          readOnly: true
        {{- end }}
        {{- range $v.oauth2Secrets }}
        {{- if .mount }}
        # OAuth2 secrets of a mailbox entry, one file per key (`*-file: /config/oauth2/{{ .name }}/<key>`)
        - name: oauth2-{{ .name }}
          mountPath: /config/oauth2/{{ .name }}
          readOnly: true
        {{- end }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ $v.tmpSizeLimit }}
    - name: jobs
      configMap:
        name: {{ include "bounce-sweeper.jobsConfigMapName" $root }}
    {{- if $v.imap.trustStore.secretName }}
    - name: truststore
      secret:
        secretName: {{ $v.imap.trustStore.secretName }}
        items:
          - key: {{ $v.imap.trustStore.key }}
            path: {{ $v.imap.trustStore.key }}
    {{- end }}
    {{- range $v.oauth2Secrets }}
    {{- if .mount }}
    - name: oauth2-{{ .name }}
      secret:
        secretName: {{ .secretName }}
        defaultMode: 0440
    {{- end }}
    {{- end }}
  {{- with $v.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
