-- Run by testsuite/recipes.sh with the lua (and luac) built with the
-- plugin: a little of each library; the expected output is check.out.
local squares = {}
for i = 1, 10 do squares[#squares + 1] = i * i end
print(table.concat(squares, " "))

-- closures and upvalues
local function counter()
  local n = 0
  return function(k) n = n + k; return n end
end
local c = counter()
c(3); c(4)
print("counter", c(0))

-- coroutines pass values both ways
local gen = coroutine.wrap(function(a)
  local b = coroutine.yield(a * 2)
  return a + b
end)
print("coroutine", gen(5), gen(7))

-- strings: patterns, format, integer and float arithmetic
local words = {}
for w in ("the quick brown fox"):gmatch("%a+") do words[#words + 1] = w:upper() end
print(table.concat(words, ","), ("%d %.3f %x"):format(7 // 2, 7 / 2, 255))
print((("a-b-c"):gsub("-", "+")), math.type(1), math.type(1.0), 2^10)

-- errors and metatables
local ok, e = pcall(function() error({code = 42}) end)
print("pcall", ok, e.code)
local v = setmetatable({}, {__index = function(_, k) return k .. "!" end,
                            __add = function(a, b) return "added" end})
print(v.hi, v + 1)

-- the collector: many short-lived tables, a sorted result
local t = {}
for i = 1, 20000 do t[i] = {key = (i * 7919) % 20000} end
table.sort(t, function(a, b) return a.key < b.key end)
collectgarbage()
print("sorted", t[1].key, t[20000].key, #t)
print(utf8.char(72, 105), utf8.len("h\u{e9}"))
