/* why.c — how the wizard words each question, and why each matters. The lines
 * paraphrase the seed's "Decision Framework" and "Honest Limitations" tables; keys
 * missing here fall back to the answers table's own comment. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "answers.h"
#include "screens.h"
#include "util.h"

static const char *const labels[AK_COUNT] = {
	[AK_PRIVACY] = "Data privacy",
	[AK_REQUESTS] = "Requests per month",
	[AK_INPUT] = "Input tokens/request",
	[AK_OUTPUT] = "Output tokens/request",
	[AK_CONTEXT] = "Longest context",
	[AK_TASK] = "Task type",
	[AK_MLOPS] = "ML-ops capacity",
	[AK_FINE_TUNING] = "Fine-tuning",
	[AK_EDGE] = "Edge / on-device",
	[AK_LATENCY] = "Latency",
	[AK_VENDOR] = "Vendor independence",
	[AK_COMPLIANCE] = "Compliance",
	[AK_OVER_700M] = "Over 700M MAU",
	[AK_TRAFFIC] = "Traffic shape",
	[AK_GROWTH] = "Growth per year",
	[AK_FT_TOKENS] = "Fine-tune tokens/run",
	[AK_FT_CYCLES] = "Fine-tunes per year",
	[AK_TTFT] = "First token, ms",
	[AK_USER_SPEED] = "Tokens/s per user",
	[AK_SPARES] = "Spare replicas",
	[AK_GPU_PRICING] = "GPU pricing",
	[AK_CACHE_HIT] = "Prompt cache hits",
};

static const char *const why[AK_COUNT] = {
	[AK_PRIVACY] = "Regulated data: open weights on your own servers are strongly preferred; "
		"a closed API needs a DPA or BAA.",
	[AK_REQUESTS] = "The main input to the crossover: API cost grows with volume, GPUs cost "
		"the same busy or idle. + and - step it anywhere; type 2.5M or 5000x20 (users x requests/day).",
	[AK_INPUT] = "Prompt tokens are billed per request and set the prefill time on GPUs. "
		"f estimates them from a sample file.",
	[AK_OUTPUT] = "Output tokens cost 3-5x input on most APIs; decoding them bounds GPU "
		"throughput. f estimates them from a sample file.",
	[AK_CONTEXT] = "The longest context sets the KV cache one request holds, and so the "
		"GPUs one replica needs.",
	[AK_TASK] = "Frontier closed models lead on complex reasoning; on classification and "
		"extraction open 70B+ models are comparable.",
	[AK_MLOPS] = "Self-hosting requires GPU operations expertise; with no ML engineering "
		"team it is not feasible.",
	[AK_FINE_TUNING] = "Open weights allow LoRA, full fine-tuning and custom training; API "
		"fine-tuning is limited.",
	[AK_EDGE] = "An API adds network latency and needs a network; edge deployment requires "
		"open weights.",
	[AK_LATENCY] = "Batch work can take batch discounts; real-time work pays for every "
		"network round trip.",
	[AK_VENDOR] = "Open weights can't be taken away; a closed API creates provider "
		"dependency.",
	[AK_COMPLIANCE] = "Self-hosting simplifies data residency; third-party processing may "
		"need extensive DPAs and audits.",
	[AK_OVER_700M] = "Llama's community licence prohibits use by services with more than "
		"700M monthly active users.",
	[AK_TRAFFIC] = "How the load arrives decides how many hours a self-hosted fleet must "
		"be up for the same requests.",
	[AK_GROWTH] = "For the 12-month view: engineering costs stay fixed while API charges "
		"grow with volume. Typed in percent: 30 or 30% is +30 %/year.",
	[AK_FT_TOKENS] = "Tokens in one tuning run (dataset x epochs) set the training compute.",
	[AK_FT_CYCLES] = "How often the model is re-tuned; the seed budgets $1,000-5,000 per "
		"update cycle.",
	[AK_TTFT] = "Time to first token at the fleet's load; 0 takes the latency answer's "
		"target (see the memo's assumptions). Tighter means smaller batches, more GPUs.",
	[AK_USER_SPEED] = "Decode speed each user sees under load; 0 takes the latency answer's "
		"target. Reading pace is about 5 tokens/s.",
	[AK_SPARES] = "Replicas kept up beyond the peak's, for GPU failures and rolling upgrades. "
		"0 makes a one-replica fleet a single point of failure.",
	[AK_GPU_PRICING] = "Rented by the hour, reserved for a term, interruptible spot, or bought "
		"and housed: the same fleet costs very different amounts.",
	[AK_CACHE_HIT] = "The share of prompt tokens a provider's cache serves at its cached "
		"price (a tenth of the input price on many APIs).",
};

#define MAX_OPTS 4
static const char *const opts[AK_COUNT][MAX_OPTS] = {
	[AK_PRIVACY] = { "No sensitive data: cost and quality decide.",
		"Confidential: APIs under their data terms; check retention.",
		"Regulated: keep data in-house; APIs only with a DPA/BAA.",
		"Air-gapped: no network, so only weights you run yourself." },
	[AK_TASK] = { "Complex reasoning: the frontier gap of 3-10 points matters.",
		"General assistant work: near-frontier (tier 2) is usually enough.",
		"Classification and extraction: open models match the frontier.",
		"Code: check the HumanEval gap on your own tasks." },
	[AK_MLOPS] = { "No ML engineering team: self-hosting is excluded.",
		"Part of an engineer: self-hosting with the seed's hidden costs.",
		"A dedicated team: much lower overhead per model." },
	[AK_FINE_TUNING] = { "No fine-tuning.",
		"Vendor fine-tuning through the API: limited, keeps you on the vendor.",
		"LoRA adapters: open weights; managed providers can serve them.",
		"Full fine-tuning: open weights and training compute." },
	[AK_EDGE] = { "Served from a data centre or the cloud.",
		"Must work offline: quantised models under 8B on the device.",
		"Real-time on the device: no network round trip." },
	[AK_LATENCY] = { "Batch: results later; batch API discounts apply.",
		"Interactive: a person waits for the answer.",
		"Real-time: every round trip counts." },
	[AK_VENDOR] = { "Low: a single provider is acceptable.",
		"Medium: switching should stay possible.",
		"High: nobody may take the model away." },
	[AK_COMPLIANCE] = { "No specific compliance regime.",
		"Data must stay in a region (e.g. the EU).",
		"Sector rules (health, finance): audits and DPAs for third parties." },
	[AK_OVER_700M] = { "Under 700M MAU: Llama's limit does not apply.",
		"Over 700M MAU: Llama models need a separate licence from Meta." },
	[AK_TRAFFIC] = { "Steady: load around the clock.",
		"Business hours: load on working days only.",
		"Bursty: peaks well above the average." },
	[AK_GPU_PRICING] = { "On-demand: list rental by the hour.",
		"Reserved: a committed term, paid every hour of it.",
		"Spot: interruptible capacity at a discount.",
		"Owned: bought, powered and housed; an air gap implies it." },
};

const char *question_label(int key)
{
	return labels[key] ? labels[key] : answer_fields[key].key;
}

const char *question_why(int key)
{
	return why[key] ? why[key] : answer_fields[key].comment;
}

const char *question_option(int key, int value)
{
	if (value < 0 || value >= MAX_OPTS)
		return NULL;
	return opts[key][value];
}

const char *question_unused(const struct answers *a, int key)
{
	bool tuning = a->fine_tuning == FT_LORA || a->fine_tuning == FT_FULL;

	if ((key == AK_FT_TOKENS || key == AK_FT_CYCLES) && !tuning)
		return "Not used now: used when fine-tuning is lora or full.";
	return NULL;
}

void question_value(const struct answers *a, int key, char *buf, size_t size)
{
	const struct answer_field *f = &answer_fields[key];
	double v = answers_get(a, key);
	char s[32];

	if (f->type == AT_BOOL) {
		snprintf(buf, size, "%s", v ? "yes" : "no");
	} else if (f->type == AT_ENUM) {
		answers_value_text(a, key, buf, size);
	} else if (key == AK_REQUESTS) {
		fmt_int(buf, size, v);
		fmt_short(s, sizeof s, v);
		if (v >= 1000)
			snprintf(buf + strlen(buf), size - strlen(buf), " (%s)", s);
	} else if ((key == AK_TTFT || key == AK_USER_SPEED) && v == 0) {
		snprintf(buf, size, "the latency's");
	} else if (f->type == AT_INT) {
		fmt_int(buf, size, v);
	} else if (key == AK_GROWTH) {
		/* a change: signed; 4 figures, whole from +10,000 % (no "+1e+04") */
		snprintf(buf, size, fabs(v * 100) < 9999.5 ? "%+.4g %%" : "%+.0f %%", v * 100);
	} else {
		snprintf(buf, size, "%.4g %%", v * 100);      /* a share */
	}
}

double question_parse_choice(int key, const char *text)
{
	const struct answer_field *f = &answer_fields[key];

	if (f->type == AT_BOOL)
		return !strcasecmp(text, "yes") || !strcasecmp(text, "true") ? 1
		       : !strcasecmp(text, "no") || !strcasecmp(text, "false") ? 0 : -1;
	for (int i = 0; f->type == AT_ENUM && i < f->n_names; i++)
		if (!strcasecmp(f->names[i], text))
			return i;
	return -1;
}
