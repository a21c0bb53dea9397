/* svc_node.c - creating and opening a node, and per-thread sessions.
 *
 * A node is a directory holding node.conf (plain "key = value" lines; the
 * agency that owns the node) and entente.db.  node.conf is written to a
 * temporary name and renamed, so a crash never leaves half a file. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ent_country.h"
#include "ent_err.h"
#include "ent_util.h"
#include "svc_int.h"

const char *
ent_node_default_dir(const char *dir)
{
	const char *env;

	if (dir != NULL && *dir != '\0')
		return dir;
	if ((env = getenv("ENTENTE_DATA")) != NULL && *env != '\0')
		return env;
	return "./entente-data";
}

/* "PK-FIA": a country code, a dash, 1-32 of [A-Z0-9_-]. */
static int
check_agency(const char *a, struct ent_diag *d)
{
	char cc[3];
	size_t n, i;

	n = a != NULL ? strlen(a) : 0;
	if (n < 4 || n > 35 || a[2] != '-')
		goto bad;
	cc[0] = a[0], cc[1] = a[1], cc[2] = '\0';
	if (!isupper((unsigned char)a[0]) || !isupper((unsigned char)a[1]) ||
	    !ent_country_valid(cc))
		goto bad;
	for (i = 3; i < n; i++)
		if (!isupper((unsigned char)a[i]) &&
		    !isdigit((unsigned char)a[i]) && a[i] != '_' && a[i] != '-')
			goto bad;
	return ENT_OK;
bad:
	ent_diag_set(d,
	    "agency '%.40s' is not of the form CC-NAME (an ISO 3166 alpha-2 "
	    "country code in capitals, a dash, then up to 32 capitals, digits, "
	    "'_' or '-'), e.g. PK-FIA",
	    a != NULL ? a : "");
	return ENT_EINVAL;
}

static char *
join(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", dir, file);
	return p;
}

static int
write_conf(const char *dir, const char *agency, struct ent_diag *d)
{
	char *path = join(dir, NODE_CONF), *tmp = join(dir, NODE_CONF ".tmp");
	FILE *fp = NULL;
	int r = ENT_EIO;

	if (path == NULL || tmp == NULL) {
		r = ENT_ENOMEM;
		goto out;
	}
	if ((fp = fopen(tmp, "w")) == NULL)
		goto err;
	fprintf(fp, "# Entente node configuration\nagency = %s\n", agency);
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0)
		goto err;
	if (fclose(fp) != 0) {
		fp = NULL;
		goto err;
	}
	fp = NULL;
	if (rename(tmp, path) != 0)
		goto err;
	r = ENT_OK;
	goto out;
err:
	ent_diag_set(d, "%s: cannot write: %s", path != NULL ? path : dir,
	    strerror(errno));
out:
	if (fp != NULL)
		fclose(fp);
	if (r != ENT_OK && tmp != NULL)
		unlink(tmp);
	free(path);
	free(tmp);
	return r;
}

/* Read "agency = X" from node.conf.  *agency only on ENT_OK. */
static int
read_conf(const char *dir, char **agency, struct ent_diag *d)
{
	char line[512], *k, *v, *eq, *path = join(dir, NODE_CONF);
	FILE *fp;
	int r = ENT_EINVAL;

	if (path == NULL)
		return ENT_ENOMEM;
	if ((fp = fopen(path, "r")) == NULL) {
		ent_diag_set(d,
		    "%s is not an Entente node (no %s); create one with "
		    "'entente init -d %s --agency CC-NAME'",
		    dir, NODE_CONF, dir);
		free(path);
		return ENT_ENOTFOUND;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if ((eq = strchr(line, '=')) == NULL || line[0] == '#')
			continue;
		*eq = '\0';
		k = ent_trim(line);
		v = ent_trim(eq + 1);
		if (strcmp(k, "agency") == 0) {
			if ((r = check_agency(v, d)) != ENT_OK) {
				ent_diag_prefix(d, "%s", path);
				break;
			}
			*agency = ent_strdup(v);
			r = *agency != NULL ? ENT_OK : ENT_ENOMEM;
			break;
		}
	}
	if (r == ENT_EINVAL && d != NULL && d->msg[0] == '\0')
		ent_diag_set(d, "%s: no 'agency = CC-NAME' line", path);
	fclose(fp);
	free(path);
	return r;
}

int
ent_node_create(const char *dir, const char *agency, struct ent_diag *d)
{
	struct ent_db *db = NULL;
	struct stat sb;
	char *conf = NULL, *dbp = NULL;
	int r;

	if ((r = check_agency(agency, d)) != ENT_OK)
		return r;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		ent_diag_set(
		    d, "%s: cannot create directory: %s", dir, strerror(errno));
		return ENT_EIO;
	}
	if ((conf = join(dir, NODE_CONF)) == NULL ||
	    (dbp = join(dir, NODE_DB)) == NULL) {
		r = ENT_ENOMEM;
		goto out;
	}
	if (stat(conf, &sb) == 0 || stat(dbp, &sb) == 0) {
		ent_diag_set(
		    d, "%s already holds a node; not overwriting it", dir);
		r = ENT_EEXIST;
		goto out;
	}
	/* The database first: a node.conf without its database would look
	 * like a node. */
	if ((r = ent_db_open(dbp, ENT_DB_CREATE, &db, d)) != ENT_OK)
		goto out;
	if ((r = ent_db_setting_set(db, "agency", agency)) != ENT_OK) {
		ent_diag_set(d, "%s: cannot store the agency", dbp);
		goto out;
	}
	r = write_conf(dir, agency, d);
out:
	ent_db_close(db);
	free(conf);
	free(dbp);
	return r;
}

int
ent_node_open(const char *dir, struct ent_node **out, struct ent_diag *d)
{
	struct ent_node *n;
	struct ent_db *db = NULL;
	struct stat sb;
	int r;

	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		ent_diag_set(d,
		    "data directory %s does not exist; create a node with "
		    "'entente init -d %s --agency CC-NAME'",
		    dir, dir);
		return ENT_ENOTFOUND;
	}
	if ((n = calloc(1, sizeof(*n))) == NULL)
		return ENT_ENOMEM;
	pthread_mutex_init(&n->index_lock, NULL);
	if ((n->dir = ent_strdup(dir)) == NULL ||
	    (n->db_path = join(dir, NODE_DB)) == NULL) {
		r = ENT_ENOMEM;
		goto fail;
	}
	if ((r = read_conf(dir, &n->agency, d)) != ENT_OK)
		goto fail;
	if (stat(n->db_path, &sb) != 0) {
		ent_diag_set(d, "%s: the database %s is missing", dir, NODE_DB);
		r = ENT_ENOTFOUND;
		goto fail;
	}
	/* Opening once applies any pending migrations before threads start. */
	if ((r = ent_db_open(n->db_path, 0, &db, d)) != ENT_OK)
		goto fail;
	ent_db_close(db);
	*out = n;
	return ENT_OK;
fail:
	ent_node_close(n);
	return r;
}

void
ent_node_close(struct ent_node *n)
{
	if (n == NULL)
		return;
	ent_index_free(n->index);
	pthread_mutex_destroy(&n->index_lock);
	free(n->dir);
	free(n->db_path);
	free(n->agency);
	free(n);
}

const char *
ent_node_agency(const struct ent_node *n)
{
	return n->agency;
}

const char *
ent_node_dir(const struct ent_node *n)
{
	return n->dir;
}

const char *
ent_node_db_path(const struct ent_node *n)
{
	return n->db_path;
}

int
ent_sess_open(struct ent_node *n, struct ent_sess **out, struct ent_diag *d)
{
	struct ent_sess *s;
	int r;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return ENT_ENOMEM;
	s->node = n;
	if ((r = ent_db_open(n->db_path, 0, &s->db, d)) != ENT_OK) {
		free(s);
		return r;
	}
	*out = s;
	return ENT_OK;
}

void
ent_sess_close(struct ent_sess *s)
{
	if (s == NULL)
		return;
	ent_db_close(s->db);
	free(s);
}

struct ent_node *
ent_sess_node(struct ent_sess *s)
{
	return s->node;
}

struct ent_db *
ent__sess_db(struct ent_sess *s)
{
	return s->db;
}
