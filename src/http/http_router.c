/* http_router.c - the route table and the matcher.
 *
 * The table is routes.def expanded once; matching walks it in order and
 * compares segment by segment, so there is no regex and no allocation.  A
 * "{param}" segment matches one non-empty segment.  Knowing every pattern
 * that matched the path (whatever its method) gives 405 and its Allow
 * header for free. */
#include <string.h>

#include "ent_err.h"
#include "http_int.h"

const struct route ent__routes[ROUTE__COUNT] = {
#define ROUTE(name, method, pattern, action, handler, body, run)               \
	[ROUTE_##name] = {#name, method, pattern, action, handler, body, run},
#include "routes.def"
#undef ROUTE
};

/* Length of the segment at s (up to '/' or end). */
static size_t
seglen(const char *s)
{
	return strcspn(s, "/");
}

static bool
match_pattern(const char *pat, const char *path, struct route_match *m)
{
	size_t np = 0, pl, sl;

	for (;;) {
		if (*pat != '/' || *path != '/')
			return false;
		pat++;
		path++;
		pl = seglen(pat);
		sl = seglen(path);
		if (pl >= 2 && pat[0] == '{' && pat[pl - 1] == '}') {
			if (sl == 0 || sl >= ROUTE_PARAM_MAX ||
			    np == ROUTE_PARAMS_MAX)
				return false;
			memcpy(m->params[np], path, sl);
			m->params[np][sl] = '\0';
			np++;
		} else if (pl != sl || memcmp(pat, path, pl) != 0) {
			return false;
		}
		pat += pl;
		path += sl;
		if (*pat == '\0' && *path == '\0')
			break;
	}
	m->nparams = np;
	return true;
}

int
ent__route_find(const char *method, const char *path, struct route_match *m,
    char *allow, size_t allowsz)
{
	struct route_match tmp;
	size_t i, used = 0;
	bool path_known = false;

	if (allowsz > 0)
		allow[0] = '\0';
	for (i = 0; i < ROUTE__COUNT; i++) {
		const struct route *r = &ent__routes[i];

		if (!match_pattern(r->pattern, path, &tmp))
			continue;
		if (strcmp(r->method, method) == 0) {
			*m = tmp;
			m->id = (int)i;
			return 0;
		}
		path_known = true;
		if (allowsz > used + strlen(r->method) + 3) {
			memcpy(allow + used, used > 0 ? ", " : "",
			    used > 0 ? 2 : 0);
			used += used > 0 ? 2 : 0;
			memcpy(allow + used, r->method, strlen(r->method) + 1);
			used += strlen(r->method);
		}
	}
	return path_known ? 405 : 404;
}
