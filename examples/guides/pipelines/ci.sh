#!/bin/sh
# The Terraform steps of the pipelines beside this file (github-actions.yml,
# gitlab-ci.yml), so that every CI runs them alike:
#
#   ci.sh plan    plan with a read-only token; writes tfplan and tfplan.txt
#                 for review, and changes=true|false to $GITHUB_OUTPUT (or
#                 plan.env) for the apply job
#   ci.sh apply   apply exactly the reviewed tfplan
#   ci.sh drift   the scheduled check: exit 2 when the store no longer
#                 matches the state (changed outside Terraform)
#
# TF names the CLI (default terraform); TF_HTTP_ADDRESS and friends the state.
set -eu
tf=${TF:-terraform}
step=${1:?usage: ci.sh plan|apply|drift}

"$tf" init -input=false -no-color

case "$step" in
plan)
	# -detailed-exitcode: 0 no changes, 2 changes, 1 error.
	code=0
	"$tf" plan -input=false -no-color -lock-timeout=5m -detailed-exitcode -out=tfplan || code=$?
	case "$code" in
	0) changes=false ;;
	2) changes=true ;;
	*) exit "$code" ;;
	esac
	"$tf" show -no-color tfplan >tfplan.txt
	echo "changes=$changes" >>"${GITHUB_OUTPUT:-plan.env}"
	;;
apply)
	# A saved plan is applied as reviewed, or refused if the state moved on.
	"$tf" apply -input=false -no-color -lock-timeout=5m tfplan
	;;
drift)
	# Compares the store with the state only; changes nothing.
	"$tf" plan -input=false -no-color -lock=false -refresh-only -detailed-exitcode
	;;
*)
	echo "usage: ci.sh plan|apply|drift" >&2
	exit 64
	;;
esac
