package proxy

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// apiError is an answer the proxy makes itself, written in the format of
// the API the caller speaks.
type apiError struct {
	status int
	// code is machine-readable: a reason id for policy denials, else a
	// short snake_case code.
	code  string
	msg   string
	param string
	// policy marks a denial by the policy (type policy_violation).
	policy     bool
	decisionID string
}

// openAIType is the error type OpenAI clients expect for a status.
func openAIType(e *apiError) string {
	if e.policy {
		return "policy_violation"
	}
	switch e.status {
	case http.StatusUnauthorized:
		return "authentication_error"
	case http.StatusForbidden:
		return "permission_error"
	case http.StatusNotFound, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType, http.StatusMethodNotAllowed:
		return "invalid_request_error"
	case http.StatusGatewayTimeout:
		return "timeout_error"
	}
	return "api_error"
}

// anthropicType is the Anthropic error type for a status.
func anthropicType(e *apiError) string {
	switch e.status {
	case http.StatusBadRequest, http.StatusUnsupportedMediaType, http.StatusMethodNotAllowed:
		return "invalid_request_error"
	case http.StatusUnauthorized:
		return "authentication_error"
	case http.StatusForbidden:
		return "permission_error"
	case http.StatusNotFound:
		return "not_found_error"
	case http.StatusRequestEntityTooLarge:
		return "request_too_large"
	case http.StatusGatewayTimeout:
		return "timeout_error"
	}
	return "api_error"
}

type openAIErrorBody struct {
	Error openAIErrorDetail `json:"error"`
}

type openAIErrorDetail struct {
	Message    string  `json:"message"`
	Type       string  `json:"type"`
	Param      *string `json:"param"`
	Code       string  `json:"code"`
	DecisionID string  `json:"decision_id,omitempty"`
	ErrorID    string  `json:"error_id,omitempty"`
}

type anthropicErrorBody struct {
	Type  string               `json:"type"`
	Error anthropicErrorDetail `json:"error"`
}

type anthropicErrorDetail struct {
	Type       string `json:"type"`
	Message    string `json:"message"`
	Code       string `json:"code"`
	DecisionID string `json:"decision_id,omitempty"`
	ErrorID    string `json:"error_id,omitempty"`
}

func errorJSON(kind apiKind, e *apiError, errorID string) []byte {
	var v any
	if kind == apiAnthropic {
		v = anthropicErrorBody{Type: "error", Error: anthropicErrorDetail{Type: anthropicType(e), Message: e.msg, Code: e.code, DecisionID: e.decisionID, ErrorID: errorID}}
	} else {
		d := openAIErrorDetail{Message: e.msg, Type: openAIType(e), Code: e.code, DecisionID: e.decisionID, ErrorID: errorID}
		if e.param != "" {
			d.Param = &e.param
		}
		v = openAIErrorBody{Error: d}
	}
	b, _ := json.Marshal(v)
	return b
}

// fail answers with an error the proxy made. Policy denials carry the
// decision id instead of an error id: the decision is the record.
//
// Every error answer the proxy makes goes through here (mid-stream error
// events aside), so this is where the refusals that are not the policy's
// are counted (parapet_proxy_request_errors_total), once each.
func (p *Proxy) fail(c *gin.Context, kind apiKind, e *apiError) {
	p.metrics.requestError(c.FullPath(), e)
	id := ""
	if e.decisionID == "" {
		id = uuid.NewString()
	}
	if e.status >= 500 {
		p.log.Error("proxy call failed", "error_id", id, "status", e.status, "code", e.code, "message", e.msg, "path", c.Request.URL.Path)
	} else {
		p.log.Debug("proxy call refused", "error_id", id, "decision_id", e.decisionID, "status", e.status, "code", e.code, "path", c.Request.URL.Path)
	}
	c.Data(e.status, "application/json", errorJSON(kind, e, id))
	c.Abort()
}
