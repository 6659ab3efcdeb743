package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"github.com/parapet-dev/parapet/engine"
)

// Error codes the API answers with besides the engine's request codes.
const (
	CodeUnauthorized     = "unauthorized"
	CodeForbidden        = "forbidden"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeInternal         = "internal"
)

// ErrorBody is the JSON shape of every error answer.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong: a stable code, a message for people,
// the offending field when there is one, and an id to find the log line.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	ErrorID string `json:"error_id"`
}

// statusFor maps engine request error codes to HTTP statuses.
func statusFor(code string) int {
	switch code {
	case engine.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case engine.CodeUnsupportedType:
		return http.StatusUnsupportedMediaType
	case CodeUnauthorized:
		return http.StatusUnauthorized
	case CodeForbidden:
		return http.StatusForbidden
	case CodeNotFound:
		return http.StatusNotFound
	case CodeMethodNotAllowed:
		return http.StatusMethodNotAllowed
	case CodeInternal:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

func (s *Server) fail(c *gin.Context, code, field, msg string) {
	id := uuid.NewString()
	status := statusFor(code)
	s.metrics.errors.WithLabelValues(code).Inc()
	// The message may quote a field name or value shape, never request text.
	s.log.Debug("request refused", "error_id", id, "status", status, "code", code, "field", field, "message", msg, "path", c.Request.URL.Path)
	if status >= 500 {
		s.log.Error("request failed", "error_id", id, "code", code, "message", msg, "path", c.Request.URL.Path)
	}
	c.AbortWithStatusJSON(status, ErrorBody{Error: ErrorDetail{Code: code, Message: msg, Field: field, ErrorID: id}})
}

func (s *Server) failErr(c *gin.Context, err error) {
	var re *engine.RequestError
	if errors.As(err, &re) {
		s.fail(c, re.Code, re.Field, re.Message)
		return
	}
	s.fail(c, CodeInternal, "", "internal error")
}
