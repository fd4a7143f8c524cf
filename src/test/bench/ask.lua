-- wrk script: POST /api/v1/ask with visitor-style questions. By default each is made unique, so that no
-- request is served from a cache (the worst case: every visitor asks something new); with REPEAT=1 in the
-- environment the same dozen questions come again and again (popular questions asked again).
local questions = {
  "what causes sciatica?", "sore bum after sitting all day", "syatica stretchs", "are there tablets for nerve pain",
  "how do I keep it from flaring up", "can you help with tennis elbow?", "how many massage sessions will I need",
  "is deep tissue massage good for sciatica", "what is piriformis syndrome", "should I use ice or heat",
  "how is sciatica diagnosed", "can a tennis ball help my bum"
}
local repeated = os.getenv("REPEAT") == "1"
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local q = questions[(n % #questions) + 1]
  if not repeated then q = q .. " " .. tostring(math.random(1, 1000000)) end
  return wrk.format(nil, nil, nil, '{"question": "' .. q .. '"}')
end
response = function(status, headers, body)
  if status ~= 200 then io.stderr:write("status " .. status .. "\n") end
end
