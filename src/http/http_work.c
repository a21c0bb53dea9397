/* http_work.c - the workers: threads that run what may block, so that
 * the threads serving connections never wait.
 *
 * libmicrohttpd serves every connection from a few event threads (one per
 * core).  A handler that waits there (a write transaction and its fsync,
 * a passenger list of ten thousand rows) would stall every connection of
 * its thread, so such work is a job: its connection is suspended, a
 * worker runs the job, and the job resumes the connection when it is
 * done.  Jobs live in their owner's struct (struct req, a batch), so
 * pushing one cannot fail. */
#include <stdlib.h>

#include "ent_err.h"
#include "http_int.h"

static void *
worker_main(void *arg)
{
	struct ent_http *h = arg;
	struct ent_job *j;

	pthread_mutex_lock(&h->work_mu);
	for (;;) {
		while (h->jobs == NULL && !h->work_stop)
			pthread_cond_wait(&h->work_cv, &h->work_mu);
		if (h->jobs == NULL) /* stopping, nothing left */
			break;
		j = h->jobs;
		h->jobs = j->next;
		if (h->jobs == NULL)
			h->jobs_tail = NULL;
		pthread_mutex_unlock(&h->work_mu);
		j->run(j);
		pthread_mutex_lock(&h->work_mu);
	}
	pthread_mutex_unlock(&h->work_mu);
	return NULL;
}

int
ent__work_start(struct ent_http *h, unsigned n)
{
	unsigned i;

	if ((h->workers = calloc(n, sizeof(*h->workers))) == NULL)
		return ENT_ENOMEM;
	pthread_mutex_init(&h->work_mu, NULL);
	pthread_cond_init(&h->work_cv, NULL);
	for (i = 0; i < n; i++) {
		if (pthread_create(&h->workers[i], NULL, worker_main, h) != 0)
			break;
		h->nworkers++;
	}
	if (h->nworkers == n)
		return ENT_OK;
	ent__work_stop(h);
	return ENT_EINTERNAL;
}

void
ent__work_push(struct ent_http *h, struct ent_job *j)
{
	j->next = NULL;
	pthread_mutex_lock(&h->work_mu);
	if (h->jobs_tail != NULL)
		h->jobs_tail->next = j;
	else
		h->jobs = j;
	h->jobs_tail = j;
	pthread_cond_signal(&h->work_cv);
	pthread_mutex_unlock(&h->work_mu);
}

void
ent__work_stop(struct ent_http *h)
{
	unsigned i;

	if (h->workers == NULL)
		return;
	pthread_mutex_lock(&h->work_mu);
	h->work_stop = true;
	pthread_cond_broadcast(&h->work_cv);
	pthread_mutex_unlock(&h->work_mu);
	for (i = 0; i < h->nworkers; i++)
		pthread_join(h->workers[i], NULL);
	free(h->workers);
	h->workers = NULL;
	h->nworkers = 0;
	pthread_cond_destroy(&h->work_cv);
	pthread_mutex_destroy(&h->work_mu);
}
