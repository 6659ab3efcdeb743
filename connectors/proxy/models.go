package proxy

import (
	"context"
	"encoding/json"
	"net/http"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/parapet-dev/parapet/engine"
)

// modelCache keeps each wildcard upstream's model list for a while.
type modelCache struct {
	mu    sync.Mutex
	lists map[string]cachedList
}

type cachedList struct {
	ids []string
	at  time.Time
}

const modelListTTL = 5 * time.Minute

// models lists the models the caller may use: those the upstreams serve
// (asking an upstream for its list when it serves a pattern), kept when
// the policy's roles let the caller call them. Anthropic clients (who send
// anthropic-version) get Anthropic's list format.
func (p *Proxy) models(c *gin.Context) {
	caller := callerOf(c)
	subj := engine.Subject{ID: caller.Subject, Roles: caller.Roles, Tenant: caller.Tenant}
	anthropic := c.GetHeader("Anthropic-Version") != ""
	type entry struct{ id, owner string }
	var list []entry
	seen := map[string]bool{}
	for _, u := range p.upstreams {
		endpoint := "chat.completions"
		if u.Protocol == ProtocolAnthropic {
			endpoint = "messages"
		}
		var ids []string
		for _, m := range u.Models {
			if strings.ContainsAny(m, "*?[") {
				for _, id := range p.upstreamModels(c.Request.Context(), u) {
					if ok, _ := path.Match(m, id); ok {
						ids = append(ids, id)
					}
				}
				continue
			}
			ids = append(ids, m)
		}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			acc, err := p.eng.Access(subj, id, endpoint)
			if err != nil || !acc.Allowed {
				continue
			}
			seen[id] = true
			list = append(list, entry{id, u.Name})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].id < list[j].id })
	if anthropic {
		data := make([]map[string]any, len(list))
		for i, e := range list {
			data[i] = map[string]any{"type": "model", "id": e.id, "display_name": e.id, "created_at": "1970-01-01T00:00:00Z"}
		}
		first, last := "", ""
		if len(list) > 0 {
			first, last = list[0].id, list[len(list)-1].id
		}
		c.Data(http.StatusOK, "application/json", encodeJSON(map[string]any{"data": data, "has_more": false, "first_id": first, "last_id": last}))
		return
	}
	data := make([]map[string]any, len(list))
	for i, e := range list {
		data[i] = map[string]any{"id": e.id, "object": "model", "created": 0, "owned_by": e.owner}
	}
	c.Data(http.StatusOK, "application/json", encodeJSON(map[string]any{"object": "list", "data": data}))
}

// upstreamModels asks an upstream for its model ids (cached). Failures are
// logged and give an empty list.
func (p *Proxy) upstreamModels(ctx context.Context, u *upstream) []string {
	p.cache.mu.Lock()
	if l, ok := p.cache.lists[u.Name]; ok && time.Since(l.at) < modelListTTL {
		p.cache.mu.Unlock()
		return l.ids
	}
	p.cache.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	pth := "/models"
	if u.Protocol == ProtocolAnthropic {
		pth = "/v1/models"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.endpoint(pth), nil)
	if err != nil {
		return nil
	}
	if u.Protocol == ProtocolAnthropic {
		req.Header.Set("Anthropic-Version", "2023-06-01")
		if u.APIKey != "" {
			req.Header.Set("X-Api-Key", u.APIKey)
		}
	} else if u.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+u.APIKey)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		p.log.Warn("listing upstream models", "upstream", u.Name, "error", "unreachable")
		return nil
	}
	defer resp.Body.Close()
	var body struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	raw, err := readAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || json.Unmarshal(raw, &body) != nil {
		p.log.Warn("listing upstream models", "upstream", u.Name, "status", resp.StatusCode)
		return nil
	}
	ids := make([]string, 0, len(body.Data))
	for _, d := range body.Data {
		if d.ID != "" {
			ids = append(ids, d.ID)
		}
	}
	p.cache.mu.Lock()
	if p.cache.lists == nil {
		p.cache.lists = map[string]cachedList{}
	}
	p.cache.lists[u.Name] = cachedList{ids: ids, at: time.Now()}
	p.cache.mu.Unlock()
	return ids
}
