# Tab completion for the bot's command line in bash: `source deploy/bot-completion.bash`.
# The bot answers System.CommandLine's [suggest] directive with the verbs, options and values
# that fit where the cursor is; this asks it. Works for the published `Bot` executable on PATH
# or an alias of that name.
_beyond_utopia_bot_complete() {
  local line=${COMP_LINE:0:$COMP_POINT}
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
}
complete -F _beyond_utopia_bot_complete Bot
