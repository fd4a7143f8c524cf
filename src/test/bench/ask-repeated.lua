-- wrk script: POST /api/v1/ask with the same dozen visitor-style questions over and over (popular
-- questions asked again), so that a repeat can be answered from the answer cache.
local questions = {
  "what causes sciatica?", "sore bum after sitting all day", "syatica stretchs", "are there tablets for nerve pain",
  "how do I keep it from flaring up", "can you help with tennis elbow?", "how many massage sessions will I need",
  "is deep tissue massage good for sciatica", "what is piriformis syndrome", "should I use ice or heat",
  "how is sciatica diagnosed", "can a tennis ball help my bum"
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"question": "' .. questions[(n % #questions) + 1] .. '"}')
end
response = function(status, headers, body)
  if status ~= 200 then io.stderr:write("status " .. status .. "\n") end
end
