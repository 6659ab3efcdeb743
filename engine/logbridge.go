package engine

import (
	"fmt"

	"github.com/hashicorp/go-hclog"
	"github.com/open-policy-agent/opa/v1/logging"
)

// OPALogger adapts an hclog logger to OPA's logging.Logger, so that OPA
// components Parapet embeds (the bundle downloader, plugins) log through
// the same pipeline, level and format as the rest of Parapet.
type OPALogger struct {
	log    hclog.Logger
	fields []any
}

// NewOPALogger wraps log for OPA.
func NewOPALogger(log hclog.Logger) *OPALogger { return &OPALogger{log: log} }

func (l *OPALogger) Debug(f string, a ...any) { l.log.Debug(fmt.Sprintf(f, a...), l.fields...) }
func (l *OPALogger) Info(f string, a ...any)  { l.log.Info(fmt.Sprintf(f, a...), l.fields...) }
func (l *OPALogger) Warn(f string, a ...any)  { l.log.Warn(fmt.Sprintf(f, a...), l.fields...) }
func (l *OPALogger) Error(f string, a ...any) { l.log.Error(fmt.Sprintf(f, a...), l.fields...) }

// WithFields returns a logger that adds fields to every line.
func (l *OPALogger) WithFields(fields map[string]any) logging.Logger {
	out := &OPALogger{log: l.log, fields: append([]any{}, l.fields...)}
	for k, v := range fields {
		out.fields = append(out.fields, k, v)
	}
	return out
}

// GetLevel maps hclog's level to OPA's.
func (l *OPALogger) GetLevel() logging.Level {
	switch {
	case l.log.IsDebug() || l.log.IsTrace():
		return logging.Debug
	case l.log.IsInfo():
		return logging.Info
	case l.log.IsWarn():
		return logging.Warn
	}
	return logging.Error
}

// SetLevel maps OPA's level to hclog's.
func (l *OPALogger) SetLevel(lv logging.Level) {
	switch lv {
	case logging.Debug:
		l.log.SetLevel(hclog.Debug)
	case logging.Info:
		l.log.SetLevel(hclog.Info)
	case logging.Warn:
		l.log.SetLevel(hclog.Warn)
	default:
		l.log.SetLevel(hclog.Error)
	}
}

var _ logging.Logger = (*OPALogger)(nil)
