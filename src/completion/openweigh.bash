# bash completion for openweigh(1): commands, options (read from `openweigh --help`),
# and ids taken from the catalog at completion time (`openweigh catalog list`), so a
# user's or a platform team's overlay is completed too. Installed by `make install`
# into bash-completion's completions folder; zsh can use it through bashcompinit.

# The program as typed (./openweigh in a build tree), else openweigh on PATH.
_openweigh_prog()
{
	local p=${COMP_WORDS[0]}
	[[ -x $p ]] || p=openweigh
	printf '%s' "$p"
}

# --catalog DIR as given on the line, so the ids come from the same catalog.
_openweigh_catalog_opt()
{
	local i
	for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
		case ${COMP_WORDS[i]} in
		-c | --catalog) printf -- '--catalog\n%s\n' "${COMP_WORDS[i + 1]}" ;;
		esac
	done
}

# The first column of `openweigh catalog list WHAT` (models, gpus, providers, presets).
_openweigh_ids()
{
	local -a cat
	mapfile -t cat < <(_openweigh_catalog_opt)
	"$(_openweigh_prog)" "${cat[@]}" catalog list "$1" 2>/dev/null | awk 'NR > 1 { print $1 }'
}

_openweigh_options()
{
	"$(_openweigh_prog)" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u
}

# The command word (memo, footprint, ...) and, for catalog, its subcommand.
_openweigh_command()
{
	local i w skip=0
	_ow_cmd='' _ow_sub=''
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if ((skip)); then skip=0; continue; fi
		case $w in
		-a | -c | -f | -o | -m | -p | -g | -b | -x | --id | --answers | --catalog | --format | --output | \
		--model | --precision | --gpu | --batch | --context | --kv-precision | --ttft-ms | \
		--tokens-per-s-per-user | --input-tokens | --output-tokens) skip=1 ;;
		-*) ;;
		*) if [[ -z $_ow_cmd ]]; then _ow_cmd=$w; elif [[ -z $_ow_sub ]]; then _ow_sub=$w; fi ;;
		esac
	done
}

_openweigh()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local precisions='fp16 bf16 fp8 int8 int4 mxfp4 nvfp4'
	COMPREPLY=()
	case $prev in
	-m | --model) mapfile -t COMPREPLY < <(compgen -W "$(_openweigh_ids models)" -- "$cur"); return ;;
	-g | --gpu) mapfile -t COMPREPLY < <(compgen -W "$(_openweigh_ids gpus)" -- "$cur"); return ;;
	-p | --precision | --kv-precision) mapfile -t COMPREPLY < <(compgen -W "$precisions" -- "$cur"); return ;;
	-f | --format) mapfile -t COMPREPLY < <(compgen -W 'md json' -- "$cur"); return ;;
	-c | --catalog) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
	-a | --answers)
		mapfile -t COMPREPLY < <(compgen -W "$(_openweigh_ids presets)" -- "$cur"; compgen -f -- "$cur")
		return ;;
	-o | --output) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
	-b | --batch | -x | --context | --id | --ttft-ms | --tokens-per-s-per-user | --input-tokens | --output-tokens)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$(_openweigh_options)" -- "$cur")
		return
	fi
	_openweigh_command
	case $_ow_cmd/$_ow_sub in
	/) mapfile -t COMPREPLY < <(compgen -W 'memo footprint costs compare catalog' -- "$cur") ;;
	catalog/) mapfile -t COMPREPLY < <(compgen -W 'list check import-config import-prices' -- "$cur") ;;
	catalog/list) mapfile -t COMPREPLY < <(compgen -W 'models gpus providers presets' -- "$cur") ;;
	catalog/import-*) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
	compare/*) mapfile -t COMPREPLY < <(compgen -W "$(_openweigh_ids presets)" -- "$cur"; compgen -f -- "$cur") ;;
	esac
}

complete -F _openweigh openweigh
