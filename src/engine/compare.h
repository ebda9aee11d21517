/* compare.h — what differs between two verdicts of one catalog (a baseline and the
 * answers now): the answers, the recommendation and its fleet, each architecture's
 * cost, score and rank, the lines of the recommendation's cost, and the reasons that
 * fired in one and not the other. Pure, no curses: the wizard's baseline (b) and
 * `openweigh compare` read the same struct. */
#ifndef OW_COMPARE_H
#define OW_COMPARE_H

#include "verdict.h"

enum side { SIDE_BEFORE, SIDE_AFTER, SIDE_COUNT };

/* The lines of a monthly cost (struct cost_breakdown), named once. */
enum cost_line {
	CL_API, CL_GPU, CL_HARDWARE, CL_FACILITY, CL_ENGINEERING, CL_ON_CALL, CL_ORCHESTRATION,
	CL_MONITORING, CL_FINETUNE, CL_FINETUNE_LABOUR, CL_TOTAL, CL_COUNT
};
extern const char *const cost_line_names[CL_COUNT];

/* A line of a cost (an accessor of the struct: the screens read costs through it). */
static inline double cost_line_usd(const struct cost_breakdown *b, enum cost_line line)
{
	switch (line) {
	case CL_API: return b->api;
	case CL_GPU: return b->gpu_lease;
	case CL_HARDWARE: return b->hardware;
	case CL_FACILITY: return b->facility;
	case CL_ENGINEERING: return b->engineering;
	case CL_ON_CALL: return b->on_call;
	case CL_ORCHESTRATION: return b->orchestration;
	case CL_MONITORING: return b->monitoring;
	case CL_FINETUNE: return b->finetune;
	case CL_FINETUNE_LABOUR: return b->finetune_labour;
	default: return b->total;
	}
}

struct diff_answer {
	int key;                        /* enum answer_key */
	double value[SIDE_COUNT];       /* as answers_get() reads them */
};

struct diff_arch {
	enum arch arch;
	bool feasible[SIDE_COUNT];
	double cost[SIDE_COUNT];        /* the best option's monthly cost; NAN when excluded */
	double score[SIDE_COUNT];
	int rank[SIDE_COUNT];           /* 0 is first */
};

struct diff_reason {
	enum arch arch;
	char text[300];
	bool fired[SIDE_COUNT];
	double points[SIDE_COUNT];
	bool excludes[SIDE_COUNT];
};

struct diff_line {
	enum cost_line line;
	double usd[SIDE_COUNT];
};

#define DIFF_MAX_REASONS 48
struct verdict_diff {
	struct diff_answer answers[AK_COUNT];
	int n_answers;                  /* the answers that differ */
	struct plan recommended[SIDE_COUNT];   /* copies: they point into the catalog only */
	bool recommendation_moved;      /* another architecture, model or provider */
	bool fleet_moved;               /* another GPU, precision, GPU count or replica count */
	struct diff_arch archs[ARCH_COUNT];    /* in the after side's rank order */
	struct diff_reason reasons[DIFF_MAX_REASONS];
	int n_reasons;                  /* reasons fired on one side only, or with other points */
	struct diff_line lines[CL_COUNT];
	int n_lines;                    /* the recommendation's cost lines that differ */
};

/* Fill out with what differs from before to after (verdicts of the same catalog). */
void compare_verdicts(const struct verdict *before, const struct verdict *after,
		      struct verdict_diff *out);

#endif
